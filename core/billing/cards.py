"""Settling card payments reported by a gateway's webhook: credit once, cancel, refund.

A purchase is keyed ``<provider>:<checkout id>`` in the ledger, so every delivery of every event
about one payment credits it at most once. The amount must match what we asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from core.billing.ledger import LedgerEntry, Posted, post
from core.billing.receipts import Money, purchase_receipt, refund_receipt
from core.billing.refunds import find_purchase, take_back
from core.db.models import CardPayment, PaymentStatus, TransactionKind, User

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Receipt:
    """A message for the buyer: plain data for whichever transport sends it."""

    telegram_id: int
    text: str


def purchase_key(provider: str, checkout_ref: str) -> str:
    return f"{provider}:{checkout_ref}"


async def settle_paid(
    provider: str, checkout_ref: str, amount_minor: int, currency: str, charge_ref: str | None
) -> Receipt | None:
    """Credit the payment opened as ``checkout_ref`` (once); a receipt when it was credited now."""
    payment = await CardPayment.get_or_none(provider=provider, provider_ref=checkout_ref)
    if payment is None or payment.user_id is None:  # type: ignore[attr-defined]
        log.warning("%s reported a payment we did not open (or of a deleted account)", provider)
        return None
    if (amount_minor, currency.upper()) != (payment.amount_minor, payment.currency):
        log.error("%s reported a paid amount that differs from the order; not credited", provider)
        return None

    async def mark_paid(conn: BaseDBAsyncClient) -> None:
        await (
            CardPayment.filter(id=payment.id).using_db(conn).update(status=PaymentStatus.SUCCEEDED)
        )

    posted = await post(
        LedgerEntry(
            user_id=payment.user_id,  # type: ignore[attr-defined]
            kind=TransactionKind.PURCHASE,
            credits=payment.credits,
            idempotency_key=purchase_key(provider, checkout_ref),
            amount_minor=payment.amount_minor,
            currency=payment.currency,
            provider=provider,
            item=payment.item,
            provider_ref=charge_ref or checkout_ref,
        ),
        alongside=mark_paid,
    )
    if not posted.applied:
        return None
    return await _receipt(
        payment,
        lambda locale: purchase_receipt(
            locale,
            posted.credits,
            Money(payment.amount_minor, payment.currency),
            provider,
            posted.balance,
            charge_ref or checkout_ref,
        ),
    )


async def settle_canceled(provider: str, checkout_ref: str) -> None:
    await CardPayment.filter(
        provider=provider, provider_ref=checkout_ref, status=PaymentStatus.PENDING
    ).update(status=PaymentStatus.CANCELED)


async def settle_refunded(
    provider: str, checkout_ref: str, refund_ref: str, refunded_minor: int | None = None
) -> Receipt | None:
    """A gateway's webhook reported a refund: :func:`record_refund`, the receipt if it
    applied now."""
    return (await record_refund(provider, checkout_ref, refund_ref, refunded_minor))[1]


async def record_refund(
    provider: str, checkout_ref: str, refund_ref: str, refunded_minor: int | None = None
) -> tuple[Posted | None, Receipt | None]:
    """Take the credits of a fully refunded payment back, once per refund (``refund_ref``:
    what the gateway's refund webhook names it by, so the admin's refund and its webhook are
    one). A partial refund (``refunded_minor`` below the price) leaves the credits: support
    settles it by hand. The posting (None: nothing to take back from) and, when it applied
    now, the buyer's receipt."""
    purchase = await find_purchase(purchase_key(provider, checkout_ref))
    if purchase is None:
        log.warning("%s reported a refund of a payment we never credited", provider)
        return None, None
    if refunded_minor is not None and refunded_minor < purchase.amount_minor:
        log.info("a partial %s refund: credits stay (settle by hand if needed)", provider)
        return None, None
    posted: Posted | None = await take_back(purchase, f"{provider}-refund:{refund_ref}", provider)
    await CardPayment.filter(provider=provider, provider_ref=checkout_ref).update(
        status=PaymentStatus.REFUNDED
    )
    if posted is None or not posted.applied:
        return posted, None
    payment = await CardPayment.get(provider=provider, provider_ref=checkout_ref)
    return posted, await _receipt(
        payment,
        lambda locale: refund_receipt(
            locale,
            -posted.credits,
            Money(purchase.amount_minor, purchase.currency),
            posted.balance,
            purchase.provider_ref or checkout_ref,
        ),
    )


async def _receipt(payment: CardPayment, render: Callable[[str], str]) -> Receipt | None:
    user = await User.get_or_none(id=payment.user_id)  # type: ignore[attr-defined]
    if user is None or user.telegram_id is None:
        return None
    return Receipt(user.telegram_id, render(user.language))
