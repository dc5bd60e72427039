"""Subscriptions: a paid period (status, period end, cancel at period end) with a daily
allowance of analyses. Renewals extend the period; a cancelled one runs to its end."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.timezone import now

from core.billing.catalogue import Plan
from core.db import sql
from core.db.models import Subscription, SubscriptionStatus


@dataclass(frozen=True, slots=True)
class SubscriptionView:
    plan: str
    provider: str
    period_end: datetime
    cancel_at_period_end: bool
    daily_allowance: int
    used_today: int


# Every dream's reservation asks this: a fixed statement (``core.db.sql`` says why); the period
# end is compared here, in Python, so no datetime travels as an SQL parameter.
_WITH_ALLOWANCE = sql.Statement(
    "SELECT id, current_period_end FROM subscriptions "
    "WHERE user_id = $1 AND status = 'active' AND daily_allowance > 0"
)


async def active_subscription_id(user_id: uuid.UUID) -> uuid.UUID | None:
    """The user's subscription in its paid period with an allowance, if any."""
    current = now()
    best: tuple[datetime, uuid.UUID] | None = None
    for row in await sql.fetch(_WITH_ALLOWANCE, user_id):
        end = sql.python_value(Subscription, "current_period_end", row["current_period_end"])
        if end is not None and end > current and (best is None or end > best[0]):
            best = (end, uuid.UUID(str(row["id"])))
    return best[1] if best is not None else None


async def current_subscription(user_id: uuid.UUID, today: int) -> SubscriptionView | None:
    sub = (
        await Subscription.filter(
            user_id=user_id, status=SubscriptionStatus.ACTIVE, current_period_end__gt=now()
        )
        .order_by("-current_period_end")
        .first()
    )
    if sub is None or sub.current_period_end is None:
        return None
    return SubscriptionView(
        plan=sub.plan,
        provider=sub.provider,
        period_end=sub.current_period_end,
        cancel_at_period_end=sub.cancel_at_period_end,
        daily_allowance=sub.daily_allowance,
        used_today=sub.allowance_used if sub.allowance_day == today else 0,
    )


async def start_or_renew(
    user_id: uuid.UUID,
    plan: Plan,
    provider: str,
    first_ref: str,
    period_end: datetime,
    conn: BaseDBAsyncClient | None = None,
) -> tuple[Subscription, bool]:
    """Activate the user's ``plan`` subscription with ``provider`` until ``period_end``: a
    renewal extends it, the first payment (``first_ref``, e.g. its charge id) creates it.
    True when it is new."""
    period_end = period_end if period_end.tzinfo else period_end.replace(tzinfo=UTC)
    sub = (
        await Subscription.filter(user_id=user_id, provider=provider, plan=plan.code)
        .using_db(conn)
        .order_by("-created_at")
        .first()
    )
    if sub is None:
        sub = await Subscription.create(
            user_id=user_id,
            plan=plan.code,
            provider=provider,
            provider_ref=first_ref,
            status=SubscriptionStatus.ACTIVE,
            current_period_end=period_end,
            daily_allowance=plan.daily_allowance,
            using_db=conn,
        )
        return sub, True
    current = sub.current_period_end
    sub.current_period_end = period_end if current is None else max(current, period_end)
    sub.status = SubscriptionStatus.ACTIVE
    sub.daily_allowance = plan.daily_allowance
    await sub.save(
        update_fields=["current_period_end", "status", "daily_allowance", "updated_at"],
        using_db=conn,
    )
    return sub, False


CancelOnGateway = Callable[[str], Awaitable[None]]


async def cancel_stars_renewal(user_id: uuid.UUID, cancel: CancelOnGateway) -> datetime | None:
    """Stop the renewal of the user's active Stars subscription (``cancel`` tells Telegram,
    given the first charge id); it stays active to its period end, which is returned."""
    sub = (
        await Subscription.filter(
            user_id=user_id,
            provider="stars",
            status=SubscriptionStatus.ACTIVE,
            cancel_at_period_end=False,
            current_period_end__gt=now(),
        )
        .order_by("-current_period_end")
        .first()
    )
    if sub is None or sub.provider_ref is None:
        return None
    await cancel(sub.provider_ref)
    sub.cancel_at_period_end = True
    await sub.save(update_fields=["cancel_at_period_end", "updated_at"])
    return sub.current_period_end
