"""Checking and consuming analysis credits, exactly once per dream.

The consume is idempotent by ``Transaction.idempotency_key = "consume:<dream id>"`` (unique in
the database) and atomic: a conditional UPDATE takes the free dream or one credit, inside the
same database transaction that records the consume, so concurrent jobs cannot both take it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.db import sql
from core.db.models import Transaction, TransactionKind, User
from core.metrics import METRICS

log = logging.getLogger(__name__)


class ConsumeOutcome(StrEnum):
    FREE = "free"  # the first, free dream
    CREDIT = "credit"  # one credit taken from the balance
    ALREADY = "already"  # this dream was already paid for (a retry): nothing taken
    NO_CREDIT = "no_credit"  # nothing left to take


@dataclass(frozen=True, slots=True)
class Balance:
    free_dream_available: bool
    credits: int

    @property
    def can_analyze(self) -> bool:
        return self.free_dream_available or self.credits > 0


def balance_of(user: User) -> Balance:
    return Balance(free_dream_available=not user.free_dream_used, credits=user.dream_balance)


def consume_key(dream_id: uuid.UUID | str) -> str:
    return f"consume:{dream_id}"


#: More writes for the consume's own transaction (e.g. marking the dream analysed).
Alongside = Callable[[BaseDBAsyncClient], Awaitable[None]]


async def consume_for_dream(
    user_id: uuid.UUID,
    dream_id: uuid.UUID,
    *,
    alongside: Alongside | None = None,
    free_dream_used: bool = False,
) -> ConsumeOutcome:
    """Pay for one delivered analysis of ``dream_id``; safe to call again for the same dream.

    ``alongside`` runs inside the same transaction once the consume is settled, so the caller's
    bookkeeping costs no transaction of its own; when a concurrent call recorded the consume
    first (our transaction rolled back), it runs in a transaction of its own. Either way once.
    ``free_dream_used`` is what the caller last saw: a returning user's credit is tried first
    (one statement instead of two); both takes stay guarded, so a stale view costs a statement,
    never a wrong charge.
    """
    key = consume_key(dream_id)
    # No look-up first: the unique key makes a repeated consume fail and roll back by itself.
    try:
        async with in_transaction() as conn:
            outcome = await _take_one(user_id, conn, free_first=not free_dream_used)
            if outcome is ConsumeOutcome.NO_CREDIT:
                # Nothing left to take — perhaps because this very dream took the last one.
                already = await Transaction.exists(idempotency_key=key, using_db=conn)
                outcome = ConsumeOutcome.ALREADY if already else outcome
            else:
                record = Transaction(
                    user_id=user_id,
                    kind=TransactionKind.CONSUME,
                    credits=0 if outcome is ConsumeOutcome.FREE else -1,
                    idempotency_key=key,
                    dream_id=dream_id,
                )
                await sql.insert(record, using=conn)
            if alongside is not None:
                await alongside(conn)
    except IntegrityError:
        # A concurrent call recorded the same consume first; its transaction took the credit
        # and ours rolled back, so nothing was taken twice.
        if alongside is not None:
            async with in_transaction() as conn:
                await alongside(conn)
        return ConsumeOutcome.ALREADY
    if outcome in (ConsumeOutcome.NO_CREDIT, ConsumeOutcome.ALREADY):
        return outcome
    METRICS.inc("credits_consumed_total", outcome=outcome.value)
    return outcome


# Every delivered analysis runs these: fixed statements (``core.db.sql`` says why).
_TAKE_FREE = sql.Statement(
    "UPDATE users SET free_dream_used = TRUE WHERE id = $1 AND free_dream_used = FALSE"
)
_TAKE_CREDIT = sql.Statement(
    "UPDATE users SET dream_balance = dream_balance - 1 WHERE id = $1 AND dream_balance > 0"
)


async def _take_one(
    user_id: uuid.UUID, conn: BaseDBAsyncClient, *, free_first: bool
) -> ConsumeOutcome:
    """The free dream or one credit, by two guarded UPDATEs (the likelier one first)."""
    takes = (_take_free, _take_credit) if free_first else (_take_credit, _take_free)
    for take in takes:
        outcome = await take(user_id, conn)
        if outcome is not None:
            return outcome
    return ConsumeOutcome.NO_CREDIT


async def _take_free(user_id: uuid.UUID, conn: BaseDBAsyncClient) -> ConsumeOutcome | None:
    took = await sql.execute(_TAKE_FREE, user_id, using=conn)
    return ConsumeOutcome.FREE if took else None


async def _take_credit(user_id: uuid.UUID, conn: BaseDBAsyncClient) -> ConsumeOutcome | None:
    took = await sql.execute(_TAKE_CREDIT, user_id, using=conn)
    return ConsumeOutcome.CREDIT if took else None
