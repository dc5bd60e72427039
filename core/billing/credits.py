"""A dream's credit: reserved when the dream is accepted, consumed on delivery, released when
the analysis fails — exactly once per dream.

Reserving takes (in this order) one of today's subscription analyses, the free dream, or one
available credit, each by a guarded UPDATE, and records a ``CreditHold`` (unique per dream) in
the same transaction. Concurrent reservations therefore never share a credit: with a balance of
one, one dream of ten sent at once gets it and the others get ``NO_CREDIT``. The balance itself
changes only on consume, with its ledger row (``consume:<dream id>``); a held credit is merely
not *available* (``users.credits_reserved``).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.billing.subscriptions import active_subscription_id
from core.db import sql
from core.db.models import CreditHold, HoldSource, Transaction, TransactionKind, User
from core.metrics import METRICS

log = logging.getLogger(__name__)


class ReserveOutcome(StrEnum):
    FREE = "free"
    CREDIT = "credit"
    ALLOWANCE = "allowance"
    ALREADY = "already"  # this dream already holds (or has consumed) its credit
    NO_CREDIT = "no_credit"


class ConsumeOutcome(StrEnum):
    FREE = "free"  # the first, free dream
    CREDIT = "credit"  # one credit taken from the balance
    ALLOWANCE = "allowance"  # one of the subscription's analyses of the day
    ALREADY = "already"  # this dream was already paid for (a retry): nothing taken
    NO_CREDIT = "no_credit"  # nothing was reserved for this dream: nothing taken


@dataclass(frozen=True, slots=True)
class Balance:
    free_dream_available: bool
    credits: int  # available: bought or granted, not reserved by a dream in analysis

    @property
    def can_analyze(self) -> bool:
        return self.free_dream_available or self.credits > 0


def balance_of(user: User) -> Balance:
    return Balance(
        free_dream_available=not user.free_dream_used,
        credits=max(0, user.dream_balance - user.credits_reserved),
    )


def consume_key(dream_id: uuid.UUID | str) -> str:
    return f"consume:{dream_id}"


def utc_day(now: float | None = None) -> int:
    """Days since 1970-01-01 (UTC): the day a subscription's allowance counts."""
    return int((time.time() if now is None else now) // 86400)


# --- reserve -------------------------------------------------------------------------------

_TAKE_FREE = sql.Statement(
    "UPDATE users SET free_dream_used = TRUE WHERE id = $1 AND free_dream_used = FALSE"
)
_HOLD_CREDIT = sql.Statement(
    "UPDATE users SET credits_reserved = credits_reserved + 1 "
    "WHERE id = $1 AND dream_balance > credits_reserved"
)
_TAKE_ALLOWANCE = sql.Statement(
    "UPDATE subscriptions SET allowance_used = "
    "CASE WHEN allowance_day = $2 THEN allowance_used + 1 ELSE 1 END, allowance_day = $2 "
    "WHERE id = $1 AND (allowance_day <> $2 OR allowance_used < daily_allowance)"
)


_HELD = sql.Statement("SELECT 1 AS held FROM credit_holds WHERE dream_id = $1")


async def reserve_for_dream(user_id: uuid.UUID, dream_id: uuid.UUID) -> ReserveOutcome:
    """Reserve what pays for ``dream_id``'s analysis; safe to call again for the same dream."""
    if await sql.fetch(_HELD, dream_id):
        return ReserveOutcome.ALREADY  # the usual case in the job: reserved at submission
    subscription = await active_subscription_id(user_id)
    day = utc_day()
    try:
        async with in_transaction() as conn:
            source = await _take(user_id, subscription, day, conn)
            if source is None:
                return ReserveOutcome.NO_CREDIT
            hold = CreditHold(
                user_id=user_id,
                dream_id=dream_id,
                source=source,
                subscription_id=subscription if source is HoldSource.ALLOWANCE else None,
                allowance_day=day if source is HoldSource.ALLOWANCE else 0,
            )
            await sql.insert(hold, using=conn)
    except IntegrityError:
        # This dream holds its credit already (a retry, a second job): our take rolled back.
        return ReserveOutcome.ALREADY
    METRICS.inc("credits_reserved_total", source=source.value)
    return ReserveOutcome(source.value)


async def _take(
    user_id: uuid.UUID, subscription: uuid.UUID | None, day: int, conn: BaseDBAsyncClient
) -> HoldSource | None:
    if subscription is not None and await sql.execute(
        _TAKE_ALLOWANCE, subscription, day, using=conn
    ):
        return HoldSource.ALLOWANCE
    if await sql.execute(_TAKE_FREE, user_id, using=conn):
        return HoldSource.FREE
    if await sql.execute(_HOLD_CREDIT, user_id, using=conn):
        return HoldSource.CREDIT
    return None


# --- consume -------------------------------------------------------------------------------

#: More writes for the consume's own transaction (e.g. marking the dream analysed).
Alongside = Callable[[BaseDBAsyncClient], Awaitable[None]]

_CONSUME_HOLD = sql.Statement(
    "UPDATE credit_holds SET status = 'consumed' WHERE dream_id = $1 AND status = 'held' "
    "RETURNING user_id, source"
)
_SPEND_CREDIT = sql.Statement(
    "UPDATE users SET dream_balance = dream_balance - 1, credits_reserved = credits_reserved - 1 "
    "WHERE id = $1"
)


async def consume_for_dream(
    user_id: uuid.UUID, dream_id: uuid.UUID, *, alongside: Alongside | None = None
) -> ConsumeOutcome:
    """Pay for the delivered analysis of ``dream_id`` with what was reserved for it.

    ``alongside`` runs in the same transaction (or, when another call paid first, in one of its
    own): either way once. The ledger row is keyed ``consume:<dream id>``.
    """
    try:
        async with in_transaction() as conn:
            rows = await sql.fetch(_CONSUME_HOLD, dream_id, using=conn)
            outcome = await _spend(rows[0]["source"], user_id, dream_id, conn) if rows else None
            if outcome is None:
                paid = await Transaction.exists(
                    idempotency_key=consume_key(dream_id), using_db=conn
                )
                outcome = ConsumeOutcome.ALREADY if paid else ConsumeOutcome.NO_CREDIT
            if alongside is not None:
                await alongside(conn)
    except IntegrityError:
        if alongside is not None:
            async with in_transaction() as conn:
                await alongside(conn)
        return ConsumeOutcome.ALREADY
    if outcome not in (ConsumeOutcome.ALREADY, ConsumeOutcome.NO_CREDIT):
        METRICS.inc("credits_consumed_total", outcome=outcome.value)
    return outcome


async def _spend(
    source: str, user_id: uuid.UUID, dream_id: uuid.UUID, conn: BaseDBAsyncClient
) -> ConsumeOutcome:
    """The balance (for a credit) and the ledger row, in the consume's transaction."""
    held = HoldSource(source)
    if held is HoldSource.CREDIT:
        await sql.execute(_SPEND_CREDIT, user_id, using=conn)
    record = Transaction(
        user_id=user_id,
        kind=TransactionKind.CONSUME,
        credits=-1 if held is HoldSource.CREDIT else 0,
        provider=held.value,
        idempotency_key=consume_key(dream_id),
        dream_id=dream_id,
    )
    await sql.insert(record, using=conn)
    return ConsumeOutcome(held.value)


# --- release -------------------------------------------------------------------------------

_RELEASE_HOLD = sql.Statement(
    "DELETE FROM credit_holds WHERE dream_id = $1 AND status = 'held' "
    "RETURNING user_id, source, subscription_id, allowance_day"
)
_GIVE_BACK = {
    HoldSource.CREDIT: sql.Statement(
        "UPDATE users SET credits_reserved = credits_reserved - 1 "
        "WHERE id = $1 AND credits_reserved > 0"
    ),
    HoldSource.FREE: sql.Statement("UPDATE users SET free_dream_used = FALSE WHERE id = $1"),
    HoldSource.ALLOWANCE: sql.Statement(
        "UPDATE subscriptions SET allowance_used = allowance_used - 1 "
        "WHERE id = $1 AND allowance_day = $2 AND allowance_used > 0"
    ),
}


async def release_for_dream(dream_id: uuid.UUID) -> bool:
    """Give back what ``dream_id`` reserved (its analysis failed or it was deleted); True when
    something was held. A consumed reservation is never released."""
    async with in_transaction() as conn:
        rows = await sql.fetch(_RELEASE_HOLD, dream_id, using=conn)
        if not rows:
            return False
        row = rows[0]
        source = HoldSource(row["source"])
        if source is HoldSource.ALLOWANCE:
            if row["subscription_id"] is not None:
                subscription = uuid.UUID(str(row["subscription_id"]))
                await sql.execute(
                    _GIVE_BACK[source], subscription, int(row["allowance_day"]), using=conn
                )
        else:
            await sql.execute(_GIVE_BACK[source], uuid.UUID(str(row["user_id"])), using=conn)
    METRICS.inc("credits_released_total", source=source.value)
    return True
