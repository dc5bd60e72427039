"""Refunding a Telegram Stars payment, for support (the bot's ``/refund`` and the dashboard's
admin page alike): the stars go back through Telegram, the credits come back out of the
balance once, the buyer gets a receipt, and one audit line records who did it.

Safe to repeat: Telegram refunds a charge once, the ledger takes the credits back once per
charge (``stars-refund:<charge id>``), and only the posting that applied sends a receipt.
"""

from __future__ import annotations

import logging
import uuid

from core.billing.errors import AlreadyRefunded, GatewayError
from core.billing.receipts import Money, ReceiptSender, refund_receipt
from core.billing.refunds import (
    Purchase,
    RefundOutcome,
    RefundStatus,
    find_purchase,
    take_back,
)
from core.billing.stars import PROVIDER, payment_key
from core.billing.stars_gateway import StarsGateway
from core.db.models import User

log = logging.getLogger(__name__)


def refund_key(charge_id: str) -> str:
    return f"stars-refund:{charge_id}"


async def refund_stars_payment(
    charge_id: str, stars: StarsGateway, receipts: ReceiptSender | None, actor: uuid.UUID
) -> RefundOutcome:
    """Refund the Stars payment ``charge_id`` on behalf of the admin account ``actor``."""
    purchase = await find_purchase(payment_key(charge_id)) if charge_id else None
    if purchase is None:
        outcome = RefundOutcome(RefundStatus.NOT_FOUND)
    elif purchase.telegram_id is None or purchase.user_id is None:
        outcome = RefundOutcome(RefundStatus.BUYER_DELETED)
    else:
        outcome = await _refund(purchase, purchase.telegram_id, charge_id, stars, receipts)
    _audit(actor, purchase, outcome)
    return outcome


async def _refund(
    purchase: Purchase,
    telegram_id: int,
    charge_id: str,
    stars: StarsGateway,
    receipts: ReceiptSender | None,
) -> RefundOutcome:
    try:
        await stars.refund(telegram_id, charge_id)
    except AlreadyRefunded:
        pass  # refunded before (maybe our record failed then): take the credits back anyway
    except GatewayError as exc:
        return RefundOutcome(RefundStatus.REFUSED, reason=str(exc))
    posted = await take_back(purchase, refund_key(charge_id), PROVIDER)
    if posted is None or not posted.applied:
        return RefundOutcome(RefundStatus.ALREADY_REFUNDED)
    if receipts is not None:
        buyer = await User.get(id=purchase.user_id)
        money = Money(purchase.amount_minor, purchase.currency)
        text = refund_receipt(buyer.language, -posted.credits, money, posted.balance, charge_id)
        await receipts.send_receipt(telegram_id, text)
    return RefundOutcome(RefundStatus.REFUNDED, -posted.credits, posted.balance)


def _audit(actor: uuid.UUID, purchase: Purchase | None, outcome: RefundOutcome) -> None:
    """Who refunded what, by account ids only: no Telegram ids, names or charge ids at INFO
    (the ledger row holds the charge; support finds it by the buyer's account id)."""
    log.info(
        "audit: stars refund by admin account %s for buyer account %s: %s, %d credits taken",
        actor,
        purchase.user_id if purchase else None,
        outcome.status.value,
        outcome.credits_taken,
    )
