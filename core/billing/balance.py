"""What a user has: available credits, the free dream, the subscription and recent history —
one read for /balance in the bot and for the dashboard."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from core.billing.credits import utc_day
from core.billing.receipts import Money
from core.billing.subscriptions import SubscriptionView, current_subscription
from core.db.models import Dream, DreamStatus, Transaction, User


@dataclass(frozen=True, slots=True)
class HistoryLine:
    created_at: datetime
    kind: str  # TransactionKind value
    credits: int
    paid: Money | None
    provider: str


@dataclass(frozen=True, slots=True)
class BalanceView:
    available: int
    free_dream_available: bool
    subscription: SubscriptionView | None
    history: tuple[HistoryLine, ...]
    waiting_dreams: int


async def balance_view(user_id: uuid.UUID, history: int = 5) -> BalanceView:
    user = await User.get(id=user_id)
    rows = await Transaction.filter(user_id=user_id).order_by("-created_at").limit(history)
    waiting = await Dream.filter(user_id=user_id, status=DreamStatus.WAITING_FOR_CREDIT).count()
    return BalanceView(
        available=max(0, user.dream_balance - user.credits_reserved),
        free_dream_available=not user.free_dream_used,
        subscription=await current_subscription(user_id, utc_day()),
        history=tuple(
            HistoryLine(
                created_at=row.created_at,
                kind=str(row.kind),
                credits=row.credits,
                paid=Money(row.amount_minor, row.currency) if row.currency else None,
                provider=row.provider,
            )
            for row in rows
        ),
        waiting_dreams=waiting,
    )
