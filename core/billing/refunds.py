"""Refunds: a refunded payment takes its credits back (as far as they are unspent), once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.billing.ledger import LedgerEntry, Posted, post
from core.db.models import Transaction, TransactionKind, User


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
