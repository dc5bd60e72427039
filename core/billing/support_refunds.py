"""Support's refund of a purchase by its ledger row (what the admin page lists): a Stars
payment through Telegram (``core.billing.stars_refunds``), a card payment through its gateway's
API (``core.billing.card_refunds``); each takes the credits back once, however often asked."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping

from core.billing import stars
from core.billing.card_refunds import CardRefunder, refund_card_payment
from core.billing.receipts import ReceiptSender
from core.billing.refunds import REFUNDABLE_KINDS, RefundOutcome, RefundStatus
from core.billing.stars_gateway import StarsGateway
from core.billing.stars_refunds import refund_stars_payment
from core.db.models import Transaction

log = logging.getLogger(__name__)


def can_refund(
    row: Transaction, telegram: StarsGateway | None, cards: Mapping[str, CardRefunder]
) -> bool:
    """Whether this deployment can refund the purchase ``row`` itself (not yet asking whether
    it was refunded already)."""
    if row.kind not in REFUNDABLE_KINDS or not row.provider_ref:
        return False
    if row.provider == stars.PROVIDER:
        return telegram is not None
    return row.provider in cards


async def refund_purchase(
    payment_id: uuid.UUID,
    telegram: StarsGateway | None,
    cards: Mapping[str, CardRefunder],
    receipts: ReceiptSender | None,
    actor: uuid.UUID,
) -> RefundOutcome:
    """Refund the purchase recorded as ledger row ``payment_id`` for the admin ``actor``."""
    row = await Transaction.get_or_none(id=payment_id)
    if row is None or row.kind not in REFUNDABLE_KINDS or not row.provider_ref:
        log.info("audit: refund by admin account %s of no purchase: not_found", actor)
        return RefundOutcome(RefundStatus.NOT_FOUND)
    if row.provider == stars.PROVIDER:
        if telegram is None:
            return RefundOutcome(RefundStatus.UNAVAILABLE)
        return await refund_stars_payment(row.provider_ref, telegram, receipts, actor)
    return await refund_card_payment(row, cards, receipts, actor)
