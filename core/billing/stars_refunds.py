"""Refunding a Telegram Stars payment, for support (the bot's ``/refund`` and the dashboard's
admin page alike): the stars go back through Telegram, the credits come back out of the
balance once, the buyer gets a receipt, and one audit line records who did it.

Safe to repeat: Telegram refunds a charge once, the ledger takes the credits back once per
charge (``stars-refund:<charge id>``), and only the posting that applied sends a receipt.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

from core.billing.errors import AlreadyRefunded, GatewayError
from core.billing.receipts import Money, ReceiptSender, refund_receipt
from core.billing.refunds import Purchase, find_purchase, take_back
from core.billing.stars import PROVIDER, payment_key
from core.billing.stars_gateway import StarsGateway
from core.db.models import Transaction, TransactionKind, User

log = logging.getLogger(__name__)


class RefundStatus(StrEnum):
    REFUNDED = "refunded"
    #: Refunded before (a repeated or concurrent request): nothing changed this time.
    ALREADY_REFUNDED = "already_refunded"
    NOT_FOUND = "not_found"
    #: The buyer deleted the account: the ledger row has no person to give credits back to.
    BUYER_DELETED = "buyer_deleted"
    #: Telegram refused (``reason`` says why) or could not be reached: nothing changed.
    REFUSED = "refused"
    #: A card payment: refunded in the gateway's own dashboard, whose webhook then takes the
    #: credits back (``core.billing.cards``).
    AT_GATEWAY = "at_gateway"


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    status: RefundStatus
    credits_taken: int = 0
    #: The buyer's available credits afterwards (when the refund was recorded).
    balance: int | None = None
    reason: str = ""


REFUNDABLE_KINDS = (TransactionKind.PURCHASE, TransactionKind.SUBSCRIPTION)


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


async def refund_payment(
    payment_id: uuid.UUID, stars: StarsGateway, receipts: ReceiptSender | None, actor: uuid.UUID
) -> RefundOutcome:
    """Refund a purchase by its ledger row (what the admin page lists)."""
    row = await Transaction.get_or_none(id=payment_id)
    purchase = row is not None and row.kind in REFUNDABLE_KINDS
    if purchase and row is not None and row.provider == PROVIDER and row.provider_ref:
        return await refund_stars_payment(row.provider_ref, stars, receipts, actor)
    outcome = RefundOutcome(RefundStatus.AT_GATEWAY if purchase else RefundStatus.NOT_FOUND)
    _audit(actor, None, outcome)
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
