"""``/api/v1/admin``: support's view of an account — never the dreams themselves, only what
support needs (profile, counts, balance, payments) — and refunds. Admin role only; every
lookup and refund leaves an audit line naming account ids, never Telegram ids or names."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from pydantic import BaseModel

from core.billing.card_refunds import CardRefunder
from core.billing.credits import balance_of
from core.billing.refunds import REFUNDABLE_KINDS, RefundStatus
from core.billing.support_refunds import can_refund, refund_purchase
from core.db.models import Dream, DreamAnalysis, Transaction, TransactionKind, User
from miniapp.api.errors import ApiError, not_found
from miniapp.api.registry import Access, ApiCall, ApiRouter, NoInput
from miniapp.routes.billing import GATEWAYS

api = ApiRouter(tag="admin")
log = logging.getLogger(__name__)


class PaymentOut(BaseModel):
    id: str
    created_at: datetime
    kind: str
    credits: int
    amount_minor: int
    currency: str
    provider: str
    idempotency_key: str
    #: A refund of this purchase is recorded.
    refunded: bool
    #: The admin page may refund it here: a purchase not refunded yet, paid in Stars (with a
    #: bot) or by card through a gateway configured here (others: in the gateway's dashboard).
    refundable: bool


class AdminUserOut(BaseModel):
    id: str
    telegram_id: int | None
    first_name: str
    language: str
    created_at: datetime
    dreams: int
    analyses: int
    credits: int
    free_dream_available: bool
    payments: list[PaymentOut]


class RefundIn(BaseModel):
    #: The purchase's ledger row, as ``payments[].id`` of the account lookup lists it.
    payment_id: uuid.UUID


class RefundOut(BaseModel):
    #: ``refunded`` now, or ``already_refunded`` (a repeated request changed nothing).
    status: str
    credits_taken: int
    #: The buyer's available credits afterwards.
    balance: int | None


@api.route(
    "GET",
    "/admin/users/{telegram_id}",
    summary="Support: look an account up by Telegram id (no dream content)",
    input=NoInput,
    output=AdminUserOut,
    access=Access.ADMIN,
)
async def admin_user(call: ApiCall, _: NoInput) -> AdminUserOut:
    raw = call.path("telegram_id")
    user = await User.get_or_none(telegram_id=int(raw)) if raw.isdigit() else None
    if user is None:
        raise not_found("No such account")
    log.info("audit: admin account %s looked up account %s", call.user.id, user.id)
    balance = balance_of(user)
    rows = await Transaction.filter(user_id=user.id).order_by("-created_at").limit(50)
    refunded = {
        row.provider_ref
        for row in await Transaction.filter(user_id=user.id, kind=TransactionKind.REFUND)
    }
    return AdminUserOut(
        id=str(user.id),
        telegram_id=user.telegram_id,
        first_name=user.first_name,
        language=user.language,
        created_at=user.created_at,
        dreams=await Dream.filter(user_id=user.id).count(),
        analyses=await DreamAnalysis.filter(dream__user_id=user.id).count(),
        credits=balance.credits,
        free_dream_available=balance.free_dream_available,
        payments=[_payment(call, row, refunded) for row in rows],
    )


def _cards(call: ApiCall) -> dict[str, CardRefunder]:
    return dict(call.request.app[GATEWAYS].by_name())


def _payment(call: ApiCall, row: Transaction, refunded: set[str | None]) -> PaymentOut:
    purchase = row.kind in REFUNDABLE_KINDS
    done = purchase and row.provider_ref is not None and row.provider_ref in refunded
    return PaymentOut(
        id=str(row.id),
        created_at=row.created_at,
        kind=str(row.kind),
        credits=row.credits,
        amount_minor=row.amount_minor,
        currency=row.currency,
        provider=row.provider,
        idempotency_key=row.idempotency_key,
        refunded=done,
        refundable=not done and can_refund(row, call.services.stars, _cards(call)),
    )


_REFUND_ERRORS: dict[RefundStatus, tuple[int, str]] = {
    RefundStatus.NOT_FOUND: (404, "not_found"),
    RefundStatus.BUYER_DELETED: (409, "buyer_deleted"),
    RefundStatus.AT_GATEWAY: (409, "refund_at_gateway"),
    RefundStatus.REFUSED: (502, "refund_refused"),
    RefundStatus.UNAVAILABLE: (503, "telegram_unavailable"),
}


@api.route(
    "POST",
    "/admin/refunds",
    summary="Support: refund a purchase, Stars or card (credits taken back once; safe to repeat)",
    input=RefundIn,
    output=RefundOut,
    access=Access.ADMIN,
)
async def admin_refund(call: ApiCall, body: RefundIn) -> RefundOut:
    services = call.services
    outcome = await refund_purchase(
        body.payment_id, services.stars, _cards(call), services.receipts, call.user.id
    )
    if outcome.status in _REFUND_ERRORS:
        status, code = _REFUND_ERRORS[outcome.status]
        raise ApiError(status, code, outcome.reason or code.replace("_", " "))
    return RefundOut(
        status=outcome.status.value, credits_taken=outcome.credits_taken, balance=outcome.balance
    )
