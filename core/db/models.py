"""Tortoise ORM models: users, their dreams and analyses, embeddings, subscriptions, transactions.

Every dream and analysis is intimate personal data: deleting a user cascades to all of it. The
credit ledger (``transactions``) and card payments are accounting records: deleting a user
unlinks them (``SET NULL``) instead, so they stay for bookkeeping and refunds without a person.
Keys are UUIDs (not guessable, safe in URLs); timestamps are timezone-aware UTC.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class DreamSource(StrEnum):
    TEXT = "text"
    VOICE = "voice"
    WEB = "web"
    CLI = "cli"


class DreamStatus(StrEnum):
    """Where a stored dream stands, and why it waits.

    The sweeper re-enqueues only ``queued`` and ``analyzing`` dreams past a deadline; the two
    waiting states wait for the user (a credit, an answer) and are never picked up by it.
    """

    QUEUED = "queued"  # saved, analysis not started (a job is or will be enqueued)
    ANALYZING = "analyzing"
    WAITING_FOR_CREDIT = "waiting_for_credit"  # kept; analysed once the user has a credit
    #: A voice transcript or a "was this a dream?" question waits for the user's answer.
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    ANALYZED = "analyzed"
    FAILED = "failed"  # kept: the user's dream is never lost, they may retry


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    CANCELED = "canceled"
    EXPIRED = "expired"


class TransactionKind(StrEnum):
    PURCHASE = "purchase"  # credits bought
    CONSUME = "consume"  # a credit (or the free dream, or a day's allowance) spent on an analysis
    REFUND = "refund"  # credits taken back with a refunded payment
    GRANT = "grant"  # free credits given by us
    SUBSCRIPTION = "subscription"  # a subscription period paid (first payment or renewal)


class HoldSource(StrEnum):
    """What a dream's reservation took: it is given back to the same place on release."""

    FREE = "free"
    CREDIT = "credit"
    ALLOWANCE = "allowance"  # one of a subscription's analyses of the day


class HoldStatus(StrEnum):
    HELD = "held"  # reserved at submission; released (row deleted) if the analysis fails
    CONSUMED = "consumed"  # paid on delivery


class PaymentStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    CANCELED = "canceled"
    REFUNDED = "refunded"


class User(Model):
    id = fields.UUIDField(primary_key=True)
    telegram_id = fields.BigIntField(null=True, unique=True)
    email = fields.CharField(max_length=320, null=True, unique=True)
    first_name = fields.CharField(max_length=128, default="")
    language = fields.CharField(max_length=8, default="en")
    language_chosen = fields.BooleanField(default=False)
    timezone = fields.CharField(max_length=64, default="UTC")
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    place_name = fields.CharField(max_length=128, default="")
    sex = fields.CharEnumField(Sex, max_length=16, default=Sex.UNSPECIFIED)
    free_dream_used = fields.BooleanField(default=False)
    #: The language of the user's voice notes: en, ru, or auto (detected among en and ru).
    voice_language = fields.CharField(max_length=8, default="auto")
    dream_balance = fields.IntField(default=0)
    #: Credits reserved by dreams being analysed (available: dream_balance - credits_reserved).
    credits_reserved = fields.IntField(default=0, db_default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    dreams: fields.ReverseRelation[Dream]

    class Meta:
        table = "users"

    def __str__(self) -> str:  # never the name or the Telegram id: logs must not carry PII
        return f"User({self.id})"


class Dream(Model):
    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="dreams", on_delete=fields.CASCADE, db_index=True
    )
    text = fields.TextField()
    language = fields.CharField(max_length=8, default="en")
    source = fields.CharEnumField(DreamSource, max_length=16, default=DreamSource.TEXT)
    status = fields.CharEnumField(DreamStatus, max_length=24, default=DreamStatus.QUEUED)
    # Telegram's file_id of a voice note (never its audio bytes); deleted with the dream.
    audio_ref = fields.CharField(max_length=512, null=True)
    #: Length of the voice note, as Telegram reported it (seconds).
    audio_seconds = fields.IntField(null=True)
    #: Where the dream came from, e.g. "tg:<update_id>", so a redelivered update makes no twin.
    origin_key = fields.CharField(max_length=128, null=True, unique=True)
    dreamt_on = fields.DateField(null=True)
    #: The status message shown while analysing, resolved by whichever job finishes the dream
    status_message_id = fields.BigIntField(null=True)
    #: The job analysing the dream now, see core.dreams.claims, stale once its lease ends
    analysis_job = fields.CharField(max_length=160, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    analyses: fields.ReverseRelation[DreamAnalysis]

    class Meta:
        table = "dreams"
        ordering = ("-created_at",)
        #: The sweeper's question: which dreams in a status have not moved since a time.
        indexes = (("status", "updated_at"),)


class DreamAnalysis(Model):
    id = fields.UUIDField(primary_key=True)
    dream: fields.ForeignKeyRelation[Dream] = fields.ForeignKeyField(
        "models.Dream", related_name="analyses", on_delete=fields.CASCADE, db_index=True
    )
    summary = fields.TextField(default="")
    interpretation = fields.TextField()
    archetypes: fields.Field[list[str]] = fields.JSONField(default=list)
    symbols: fields.Field[list[str]] = fields.JSONField(default=list)
    hvdc: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)  # coding card, spans
    mood = fields.CharField(max_length=16, default="neutral")
    lunar_day = fields.IntField(null=True)
    lunar_effect = fields.TextField(default="")
    confidence = fields.FloatField(default=0.0)
    sources: fields.Field[list[str]] = fields.JSONField(default=list)
    model_used = fields.CharField(max_length=64, default="offline")
    tokens_used = fields.IntField(default=0)
    cost_usd = fields.FloatField(default=0.0)
    latency_ms = fields.IntField(default=0)
    #: The LLM interpretation cache entry of this answer (core.llm.cache), erased with the account
    llm_cache_key = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "dream_analyses"


class DreamEmbedding(Model):
    id = fields.UUIDField(primary_key=True)
    dream: fields.OneToOneRelation[Dream] = fields.OneToOneField(
        "models.Dream", related_name="embedding", on_delete=fields.CASCADE
    )
    model = fields.CharField(max_length=64)
    dim = fields.IntField()
    #: float32 little-endian bytes: portable across PostgreSQL and SQLite, ranked with numpy.
    vector = fields.BinaryField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "dream_embeddings"


class Subscription(Model):
    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="subscriptions", on_delete=fields.CASCADE, db_index=True
    )
    plan = fields.CharField(max_length=32)
    provider = fields.CharField(max_length=16)  # stars | stripe | yookassa
    provider_ref = fields.CharField(max_length=255, null=True, unique=True)
    status = fields.CharEnumField(
        SubscriptionStatus, max_length=16, default=SubscriptionStatus.ACTIVE
    )
    current_period_end = fields.DatetimeField(null=True)
    #: The user cancelled renewal: the subscription stays active until ``current_period_end``.
    cancel_at_period_end = fields.BooleanField(default=False, db_default=False)
    daily_allowance = fields.IntField(default=0, db_default=0)
    #: The UTC day (days since 1970-01-01) ``allowance_used`` counts, and the count.
    allowance_day = fields.IntField(default=0, db_default=0)
    allowance_used = fields.IntField(default=0, db_default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "subscriptions"


class Transaction(Model):
    """The append-only credit ledger: a row per credit change, never updated or deleted.

    ``users.dream_balance`` equals the sum of a user's ``credits`` at every commit: both change
    in one database transaction (``core.billing.ledger``).
    """

    id = fields.UUIDField(primary_key=True)
    #: Unlinked (NULL) when the account is deleted: the row stays for accounting and refunds.
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="transactions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    kind = fields.CharEnumField(TransactionKind, max_length=16)
    credits = fields.IntField()  # signed: + bought/granted/refunded, - consumed
    amount_minor = fields.IntField(default=0)  # price in minor units (cents, kopecks, stars)
    currency = fields.CharField(max_length=8, default="")
    provider = fields.CharField(max_length=16, default="")
    item = fields.CharField(
        max_length=32, default="", db_default=""
    )  # catalogue code: package or plan
    #: The gateway's id of the payment (Stars charge id, Stripe payment intent, YooKassa id).
    provider_ref = fields.CharField(max_length=255, null=True, db_index=True)
    #: Unique per real-world event (payment charge id, "consume:<dream id>") — charged once.
    idempotency_key = fields.CharField(max_length=255, unique=True)
    dream: fields.ForeignKeyNullableRelation[Dream] = fields.ForeignKeyField(
        "models.Dream",
        related_name="transactions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "transactions"


class CreditHold(Model):
    """A dream's reservation: taken at submission, consumed on delivery, deleted on release."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="credit_holds", on_delete=fields.CASCADE, db_index=True
    )
    #: One reservation per dream: a second submission of the same dream takes nothing.
    dream: fields.OneToOneNullableRelation[Dream] = fields.OneToOneField(
        "models.Dream", related_name="credit_hold", null=True, on_delete=fields.SET_NULL
    )
    source = fields.CharEnumField(HoldSource, max_length=16)
    status = fields.CharEnumField(HoldStatus, max_length=16, default=HoldStatus.HELD)
    subscription_id = fields.UUIDField(null=True)  # the allowance's subscription
    allowance_day = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "credit_holds"


class FreeDreamClaim(Model):
    """A keyed hash (HMAC) of a deleted account's Telegram id that had its free dream: all we
    keep so that deleting the account does not give a new free analysis. No dream data."""

    account_hash = fields.CharField(max_length=64, primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "free_dream_claims"


class CardPayment(Model):
    """A card checkout opened from a signed link (Stripe or YooKassa): one per link."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="card_payments",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    provider = fields.CharField(max_length=16)  # stripe | yookassa
    item = fields.CharField(max_length=32)
    credits = fields.IntField()
    amount_minor = fields.IntField()
    currency = fields.CharField(max_length=8)
    #: The signed link's nonce: a second use of the link collides here and creates nothing.
    link_nonce = fields.CharField(max_length=64, unique=True)
    provider_ref = fields.CharField(max_length=255, null=True, unique=True)
    status = fields.CharEnumField(PaymentStatus, max_length=16, default=PaymentStatus.PENDING)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "card_payments"


class AudioUsage(Model):
    """Seconds of audio a user sent on one (UTC) day: the daily voice quota. Kept apart from
    dreams so that cancelling or deleting a voice dream does not give the minutes back."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="audio_usage", on_delete=fields.CASCADE
    )
    day = fields.DateField()
    seconds = fields.IntField(default=0)

    class Meta:
        table = "audio_usage"
        unique_together = (("user", "day"),)
