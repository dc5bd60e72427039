"""``/api/v1/admin``: support's view of an account — never the dreams themselves, only what
support needs (profile, counts, balance, payments). Admin role only."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from core.billing.credits import balance_of
from core.db.models import Dream, DreamAnalysis, Transaction, User
from miniapp.api.errors import not_found
from miniapp.api.registry import Access, ApiCall, ApiRouter, NoInput

api = ApiRouter(tag="admin")


class PaymentOut(BaseModel):
    id: str
    created_at: datetime
    kind: str
    credits: int
    amount_minor: int
    currency: str
    provider: str
    idempotency_key: str


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
    balance = balance_of(user)
    payments = await Transaction.filter(user_id=user.id).order_by("-created_at").limit(50)
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
        payments=[
            PaymentOut(
                id=str(p.id),
                created_at=p.created_at,
                kind=str(p.kind),
                credits=p.credits,
                amount_minor=p.amount_minor,
                currency=p.currency,
                provider=p.provider,
                idempotency_key=p.idempotency_key,
            )
            for p in payments
        ],
    )
