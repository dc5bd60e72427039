"""Refunding a card payment (Stripe, YooKassa) from support's admin page, through the gateway's
API: the money goes back through the gateway, the credits come out of the balance once, the
buyer gets a receipt, and one audit line records who did it.

Once, whichever comes first:

* the gateway call carries an idempotency key per purchase, so two admins pressing Refund at
  once get the same refund back from the gateway, not two;
* the credits are taken back under the key the gateway's refund webhook uses for the same
  refund (``<provider>-refund:<ref>``, ``core.billing.cards.record_refund``): Stripe's charge
  id, YooKassa's refund id. The webhook that follows the admin's refund finds it recorded, and a
  refund made first in the gateway's dashboard (recorded by its webhook) is found here before
  the gateway is asked at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Protocol

from core.billing.cards import record_refund
from core.billing.errors import AlreadyRefunded, GatewayError
from core.billing.receipts import ReceiptSender
from core.billing.refunds import (
    GatewayRefund,
    Purchase,
    RefundOutcome,
    RefundStatus,
    find_purchase,
)
from core.db.models import Transaction, TransactionKind

log = logging.getLogger(__name__)


class CardRefunder(Protocol):
    """A card gateway's refund (``StripeGateway``, ``YooKassaGateway``)."""

    async def refund(
        self, charge_ref: str, amount_minor: int, currency: str, key: str
    ) -> GatewayRefund:
        """Refund the payment ``charge_ref`` in full, once per ``key``. Raises AlreadyRefunded
        when it was refunded by other means, GatewayError when refused or unreachable."""
        ...


async def refund_card_payment(
    row: Transaction,
    refunders: Mapping[str, CardRefunder],
    receipts: ReceiptSender | None,
    actor: uuid.UUID,
) -> RefundOutcome:
    """Refund the card purchase recorded as ledger ``row`` on behalf of the admin ``actor``."""
    purchase = await find_purchase(row.idempotency_key)
    outcome = await _refund(row, purchase, refunders, receipts)
    log.info(
        "audit: %s refund by admin account %s for buyer account %s: %s, %d credits taken",
        row.provider,
        actor,
        purchase.user_id if purchase else None,
        outcome.status.value,
        outcome.credits_taken,
    )
    return outcome


async def _refund(
    row: Transaction,
    purchase: Purchase | None,
    refunders: Mapping[str, CardRefunder],
    receipts: ReceiptSender | None,
) -> RefundOutcome:
    if purchase is None or not purchase.provider_ref:
        return RefundOutcome(RefundStatus.NOT_FOUND)
    if purchase.user_id is None:
        return RefundOutcome(RefundStatus.BUYER_DELETED)
    refunder = refunders.get(row.provider)
    if refunder is None:  # that gateway is not configured here: its dashboard refunds it
        return RefundOutcome(RefundStatus.AT_GATEWAY)
    if await refund_recorded(row.provider, purchase.provider_ref):
        return RefundOutcome(RefundStatus.ALREADY_REFUNDED)
    try:
        refund = await refunder.refund(
            purchase.provider_ref,
            purchase.amount_minor,
            purchase.currency,
            f"refund:{row.idempotency_key}",
        )
    except AlreadyRefunded:
        # Refunded in the dashboard a moment ago: its webhook takes the credits back.
        return RefundOutcome(RefundStatus.ALREADY_REFUNDED)
    except GatewayError as exc:
        return RefundOutcome(RefundStatus.REFUSED, reason=str(exc))
    if refund.amount_minor < purchase.amount_minor:  # the rest after an earlier partial one
        return RefundOutcome(
            RefundStatus.REFUSED, reason="only part was left to refund: settle credits by hand"
        )
    checkout_ref = row.idempotency_key.removeprefix(f"{row.provider}:")
    posted, receipt = await record_refund(
        row.provider, checkout_ref, refund.ref, refund.amount_minor
    )
    if posted is None or not posted.applied:
        return RefundOutcome(RefundStatus.ALREADY_REFUNDED)
    if receipt is not None and receipts is not None:
        await receipts.send_receipt(receipt.telegram_id, receipt.text)
    return RefundOutcome(RefundStatus.REFUNDED, -posted.credits, posted.balance)


async def refund_recorded(provider: str, charge_ref: str) -> bool:
    """Whether a refund of the purchase paid as ``charge_ref`` is in the ledger."""
    return await Transaction.exists(
        kind=TransactionKind.REFUND, provider=provider, provider_ref=charge_ref
    )
