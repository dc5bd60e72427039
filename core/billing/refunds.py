"""Refunds: a refunded payment takes its credits back (as far as they are unspent), once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from core.billing.ledger import LedgerEntry, Posted, post
from core.db.models import Transaction, TransactionKind, User


class RefundStatus(StrEnum):
    REFUNDED = "refunded"
    #: Refunded before (a repeated or concurrent request): nothing changed this time.
    ALREADY_REFUNDED = "already_refunded"
    NOT_FOUND = "not_found"
    #: The buyer deleted the account: the ledger row has no person to give credits back to.
    BUYER_DELETED = "buyer_deleted"
    #: The gateway (Telegram, Stripe, YooKassa) refused (``reason`` says why) or could not be
    #: reached: nothing changed.
    REFUSED = "refused"
    #: A card payment of a gateway not configured here: refunded in its own dashboard, whose
    #: webhook then takes the credits back (``core.billing.cards``).
    AT_GATEWAY = "at_gateway"
    #: A Stars payment, but no bot to refund it through (``BOT_TOKEN``).
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    status: RefundStatus
    credits_taken: int = 0
    #: The buyer's available credits afterwards (when the refund was recorded).
    balance: int | None = None
    reason: str = ""


REFUNDABLE_KINDS = (TransactionKind.PURCHASE, TransactionKind.SUBSCRIPTION)


@dataclass(frozen=True, slots=True)
class GatewayRefund:
    """A refund a card gateway made: ``ref`` is what its refund webhook names it by (the
    ledger key's tail), ``amount_minor`` how much went back."""

    ref: str
    amount_minor: int


@dataclass(frozen=True, slots=True)
class Purchase:
    """A recorded purchase, as much as a refund needs of it."""

    user_id: uuid.UUID | None  # None: the account was deleted (the row is unlinked)
    telegram_id: int | None
    credits: int
    amount_minor: int
    currency: str
    item: str
    provider_ref: str | None


async def find_purchase(purchase_key: str) -> Purchase | None:
    row = await Transaction.get_or_none(idempotency_key=purchase_key)
    if row is None or row.kind not in (TransactionKind.PURCHASE, TransactionKind.SUBSCRIPTION):
        return None
    user_id: uuid.UUID | None = row.user_id  # type: ignore[attr-defined]
    telegram_id = None
    if user_id is not None:
        telegram_id = await User.filter(id=user_id).first().values_list("telegram_id", flat=True)
    return Purchase(
        user_id=user_id,
        telegram_id=telegram_id if isinstance(telegram_id, int) else None,
        credits=row.credits,
        amount_minor=row.amount_minor,
        currency=row.currency,
        item=row.item,
        provider_ref=row.provider_ref,
    )


async def take_back(purchase: Purchase, refund_key: str, provider: str) -> Posted | None:
    """Record the refund of ``purchase`` and take its credits back; None when the purchase has
    no person any more (nothing to take back). ``refund_key`` makes it once per refund event."""
    if purchase.user_id is None:
        return None
    return await post(
        LedgerEntry(
            user_id=purchase.user_id,
            kind=TransactionKind.REFUND,
            credits=-purchase.credits,
            idempotency_key=refund_key,
            amount_minor=-purchase.amount_minor,
            currency=purchase.currency,
            provider=provider,
            item=purchase.item,
            provider_ref=purchase.provider_ref,
        )
    )
