import functools
from enum import StrEnum
from json import dumps, loads
from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

from core.db.models import DreamSource, Sex, SubscriptionStatus, TransactionKind


class DreamStatus(StrEnum):
    """The dream statuses as this migration made them (0002 renames and widens them)."""

    RECEIVED = "received"
    ANALYZING = "analyzing"
    ANALYZED = "analyzed"
    FAILED = "failed"


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="User",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("telegram_id", fields.BigIntField(null=True, unique=True)),
                ("email", fields.CharField(null=True, unique=True, max_length=320)),
                ("first_name", fields.CharField(default="", max_length=128)),
                ("language", fields.CharField(default="en", max_length=8)),
                ("language_chosen", fields.BooleanField(default=False)),
                ("timezone", fields.CharField(default="UTC", max_length=64)),
                ("latitude", fields.FloatField(null=True)),
                ("longitude", fields.FloatField(null=True)),
                ("place_name", fields.CharField(default="", max_length=128)),
                (
                    "sex",
                    fields.CharEnumField(
                        default=Sex.UNSPECIFIED,
                        description="FEMALE: female\nMALE: male\nUNSPECIFIED: unspecified",
                        enum_type=Sex,
                        max_length=16,
                    ),
                ),
                ("free_dream_used", fields.BooleanField(default=False)),
                ("dream_balance", fields.IntField(default=0)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={"table": "users", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Dream",
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
                        related_name="dreams",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("text", fields.TextField(unique=False)),
                ("language", fields.CharField(default="en", max_length=8)),
                (
                    "source",
                    fields.CharEnumField(
                        default=DreamSource.TEXT,
                        description="TEXT: text\nVOICE: voice\nWEB: web\nCLI: cli",
                        enum_type=DreamSource,
                        max_length=16,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        default=DreamStatus.RECEIVED,
                        description="RECEIVED: received\nANALYZING: analyzing\nANALYZED: analyzed\nFAILED: failed",
                        enum_type=DreamStatus,
                        max_length=16,
                    ),
                ),
                ("audio_ref", fields.CharField(null=True, max_length=512)),
                (
                    "origin_key",
                    fields.CharField(
                        null=True,
                        unique=True,
                        description='Where the dream came from, e.g. "tg:<update_id>", so a redelivered update makes no twin.',
                        max_length=128,
                    ),
                ),
                ("dreamt_on", fields.DateField(null=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={"table": "dreams", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="DreamAnalysis",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "dream",
                    fields.ForeignKeyField(
                        "models.Dream",
                        source_field="dream_id",
                        db_index=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="analyses",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("summary", fields.TextField(default="", unique=False)),
                ("interpretation", fields.TextField(unique=False)),
                (
                    "archetypes",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "symbols",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                (
                    "hvdc",
                    fields.JSONField(
                        default=dict,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("mood", fields.CharField(default="neutral", max_length=16)),
                ("lunar_day", fields.IntField(null=True)),
                ("lunar_effect", fields.TextField(default="", unique=False)),
                ("confidence", fields.FloatField(default=0.0)),
                (
                    "sources",
                    fields.JSONField(
                        default=list,
                        encoder=functools.partial(dumps, separators=(",", ":")),
                        decoder=loads,
                    ),
                ),
                ("model_used", fields.CharField(default="offline", max_length=64)),
                ("tokens_used", fields.IntField(default=0)),
                ("cost_usd", fields.FloatField(default=0.0)),
                ("latency_ms", fields.IntField(default=0)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "dream_analyses", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="DreamEmbedding",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "dream",
                    fields.OneToOneField(
                        "models.Dream",
                        source_field="dream_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="embedding",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("model", fields.CharField(max_length=64)),
                ("dim", fields.IntField()),
                (
                    "vector",
                    fields.BinaryField(
                        description="float32 little-endian bytes: portable across PostgreSQL and SQLite, ranked with numpy."
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "dream_embeddings", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Subscription",
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
                        related_name="subscriptions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("plan", fields.CharField(max_length=32)),
                ("provider", fields.CharField(max_length=16)),
                ("provider_ref", fields.CharField(null=True, unique=True, max_length=255)),
                (
                    "status",
                    fields.CharEnumField(
                        default=SubscriptionStatus.ACTIVE,
                        description="ACTIVE: active\nCANCELED: canceled\nEXPIRED: expired",
                        enum_type=SubscriptionStatus,
                        max_length=16,
                    ),
                ),
                (
                    "current_period_end",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={"table": "subscriptions", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Transaction",
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
                        related_name="transactions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="PURCHASE: purchase\nCONSUME: consume\nREFUND: refund\nGRANT: grant",
                        enum_type=TransactionKind,
                        max_length=16,
                    ),
                ),
                ("credits", fields.IntField()),
                ("amount_minor", fields.IntField(default=0)),
                ("currency", fields.CharField(default="", max_length=8)),
                ("provider", fields.CharField(default="", max_length=16)),
                (
                    "idempotency_key",
                    fields.CharField(
                        unique=True,
                        description='Unique per real-world event (payment charge id, "consume:<dream id>") — charged once.',
                        max_length=255,
                    ),
                ),
                (
                    "dream",
                    fields.ForeignKeyField(
                        "models.Dream",
                        source_field="dream_id",
                        null=True,
                        db_index=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="transactions",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={"table": "transactions", "app": "models", "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
