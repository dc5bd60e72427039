"""Billing: credit holds (reserve at submission), the free-dream claims of deleted accounts,
card payments, subscription allowances; the ledger is unlinked, not deleted, with its user."""

from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor

from core.db.models import HoldSource, HoldStatus, PaymentStatus, TransactionKind

_LEDGER_INDEXES = (
    'CREATE INDEX IF NOT EXISTS "idx_transaction_user_id_billing" ON "transactions" ("user_id")',
    'CREATE INDEX IF NOT EXISTS "idx_transaction_dream_id_billing" ON "transactions" ("dream_id")',
    'CREATE INDEX IF NOT EXISTS "idx_transaction_provider_ref" ON "transactions" ("provider_ref")',
)


async def _ledger_outlives_its_user(apps: object, editor: BaseSchemaEditor) -> None:
    """What the field changes above leave undone, per database: on PostgreSQL the ledger's
    foreign key still cascades (Tortoise keeps the old ``ON DELETE``); SQLite's table rebuild
    dropped the ledger's indexes. The ledger must outlive its user, unlinked."""
    client = editor.client
    if client.capabilities.dialect == "postgres":
        await client.execute_script(
            'ALTER TABLE "transactions" DROP CONSTRAINT IF EXISTS "transactions_user_id_fkey"; '
            'ALTER TABLE "transactions" ALTER COLUMN "user_id" DROP NOT NULL; '
            'ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_fkey" '
            'FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL'
        )
        await client.execute_script(_LEDGER_INDEXES[2])
        return
    for statement in _LEDGER_INDEXES:
        await client.execute_script(statement)


class Migration(migrations.Migration):
    dependencies = [("models", "0002_dream_statuses")]

    initial = False

    operations = [
        ops.CreateModel(
            name="CardPayment",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "user",
                    fields.ForeignKeyField(
                        "models.User",
                        source_field="user_id",
                        null=True,
                        db_index=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="card_payments",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("provider", fields.CharField(max_length=16)),
                ("item", fields.CharField(max_length=32)),
                ("credits", fields.IntField()),
                ("amount_minor", fields.IntField()),
                ("currency", fields.CharField(max_length=8)),
                (
                    "link_nonce",
                    fields.CharField(
                        unique=True,
                        description="The signed link's nonce: a second use of the link collides here and creates nothing.",
                        max_length=64,
                    ),
                ),
                ("provider_ref", fields.CharField(null=True, unique=True, max_length=255)),
                (
                    "status",
                    fields.CharEnumField(
                        default=PaymentStatus.PENDING,
                        description="PENDING: pending\nSUCCEEDED: succeeded\nCANCELED: canceled\nREFUNDED: refunded",
                        enum_type=PaymentStatus,
                        max_length=16,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "card_payments",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A card checkout opened from a signed link (Stripe or YooKassa): one per link.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="CreditHold",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "user",
                    fields.ForeignKeyField(
                        "models.User",
                        source_field="user_id",
                        db_index=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="credit_holds",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "dream",
                    fields.OneToOneField(
                        "models.Dream",
                        source_field="dream_id",
                        null=True,
                        description="One reservation per dream: a second submission of the same dream takes nothing.",
                        db_constraint=True,
                        to_field="id",
                        related_name="credit_hold",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                (
                    "source",
                    fields.CharEnumField(
                        description="FREE: free\nCREDIT: credit\nALLOWANCE: allowance",
                        enum_type=HoldSource,
                        max_length=16,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default=HoldStatus.HELD,
                        description="HELD: held\nCONSUMED: consumed",
                        enum_type=HoldStatus,
                        max_length=16,
                    ),
                ),
                ("subscription_id", fields.UUIDField(null=True)),
                ("allowance_day", fields.IntField(default=0)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "credit_holds",
                "app": "models",
                "pk_attr": "id",
                "table_description": "A dream's reservation: taken at submission, consumed on delivery, deleted on release.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="FreeDreamClaim",
            fields=[
                (
                    "account_hash",
                    fields.CharField(primary_key=True, unique=True, db_index=True, max_length=64),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "free_dream_claims",
                "app": "models",
                "pk_attr": "account_hash",
                "table_description": "A keyed hash (HMAC) of a deleted account's Telegram id that had its free dream: all we",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Subscription",
            name="allowance_day",
            field=fields.IntField(
                default=0,
                description="The UTC day (days since 1970-01-01) ``allowance_used`` counts, and the count.",
                db_default=0,
            ),
        ),
        ops.AddField(
            model_name="Subscription",
            name="allowance_used",
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name="Subscription",
            name="cancel_at_period_end",
            field=fields.BooleanField(
                default=False,
                description="The user cancelled renewal: the subscription stays active until ``current_period_end``.",
                db_default=False,
            ),
        ),
        ops.AddField(
            model_name="Subscription",
            name="daily_allowance",
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AlterModelOptions(
            name="Transaction",
            options={
                "table": "transactions",
                "app": "models",
                "pk_attr": "id",
                "table_description": "The append-only credit ledger: a row per credit change, never updated or deleted.",
            },
        ),
        ops.AlterField(
            model_name="Transaction",
            name="kind",
            field=fields.CharEnumField(
                description="PURCHASE: purchase\nCONSUME: consume\nREFUND: refund\nGRANT: grant\nSUBSCRIPTION: subscription",
                enum_type=TransactionKind,
                max_length=16,
            ),
        ),
        ops.AlterField(
            model_name="Transaction",
            name="user",
            field=fields.ForeignKeyField(
                "models.User",
                source_field="user_id",
                null=True,
                db_index=True,
                description="Unlinked (NULL) when the account is deleted: the row stays for accounting and refunds.",
                db_constraint=True,
                to_field="id",
                related_name="transactions",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        ops.AddField(
            model_name="Transaction",
            name="item",
            field=fields.CharField(default="", db_default="", max_length=32),
        ),
        ops.AddField(
            model_name="Transaction",
            name="provider_ref",
            field=fields.CharField(
                null=True,
                db_index=True,
                description="The gateway's id of the payment (Stars charge id, Stripe payment intent, YooKassa id).",
                max_length=255,
            ),
        ),
        ops.AddField(
            model_name="User",
            name="credits_reserved",
            field=fields.IntField(
                default=0,
                description="Credits reserved by dreams being analysed (available: dream_balance - credits_reserved).",
                db_default=0,
            ),
        ),
        ops.RunPython(_ledger_outlives_its_user, ops.RunPython.noop),
    ]
