"""The append-only credit ledger: every change of a user's balance is one ``Transaction`` row,
written in the same database transaction as the balance, and keyed by the real-world event it
records (a gateway charge, a refund, a consumed dream) so that no event counts twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.db import sql
from core.db.models import Transaction, TransactionKind
from core.metrics import METRICS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One credit change to record. ``credits``: + bought or granted; - taken back."""

    user_id: uuid.UUID
    kind: TransactionKind
    credits: int
    idempotency_key: str
    amount_minor: int = 0
    currency: str = ""
    provider: str = ""
    item: str = ""
    provider_ref: str | None = None


@dataclass(frozen=True, slots=True)
class Posted:
    """What posting did: ``applied`` False when the event was already recorded (a repeat)."""

    applied: bool
    credits: int  # credits actually moved (a take-back never goes below zero)
    balance: int  # available credits after the posting


_ADD = sql.Statement(
    "UPDATE users SET dream_balance = dream_balance + $2 WHERE id = $1 "
    "RETURNING dream_balance - credits_reserved AS available"
)
_AVAILABLE = sql.Statement(
    "SELECT dream_balance - credits_reserved AS available FROM users WHERE id = $1"
)
_TAKE = sql.Statement(
    "UPDATE users SET dream_balance = dream_balance - $2 "
    "WHERE id = $1 AND dream_balance - credits_reserved >= $2 "
    "RETURNING dream_balance - credits_reserved AS available"
)
_TAKE_ATTEMPTS = 5


#: More writes for the posting's own transaction (e.g. a subscription's new period).
Alongside = Callable[[BaseDBAsyncClient], Awaitable[None]]


async def post(entry: LedgerEntry, alongside: Alongside | None = None) -> Posted:
    """Record ``entry`` and change the balance with it, once per ``idempotency_key``.

    Concurrent deliveries of one event race on the unique key: one commits, the others roll
    back whole (balance and ``alongside`` included) and report ``applied=False``.
    """
    try:
        async with in_transaction() as conn:
            if entry.credits >= 0:
                moved, available = entry.credits, await _add(entry, conn)
            else:
                moved, available = await _take_back(entry, conn)
            await sql.insert(_row(entry, moved), using=conn)
            if alongside is not None:
                await alongside(conn)
    except IntegrityError:
        log.info("ledger event already recorded: %s", entry.kind.value)
        return Posted(applied=False, credits=0, balance=await available_credits(entry.user_id))
    METRICS.inc("billing_ledger_entries_total", kind=entry.kind.value)
    return Posted(applied=True, credits=moved, balance=available)


async def available_credits(user_id: uuid.UUID, conn: BaseDBAsyncClient | None = None) -> int:
    rows = await sql.fetch(_AVAILABLE, user_id, using=conn)
    return int(rows[0]["available"]) if rows else 0


async def already_posted(idempotency_key: str) -> bool:
    return await Transaction.exists(idempotency_key=idempotency_key)


def _row(entry: LedgerEntry, credits: int) -> Transaction:
    return Transaction(
        user_id=entry.user_id,
        kind=entry.kind,
        credits=credits,
        amount_minor=entry.amount_minor,
        currency=entry.currency,
        provider=entry.provider,
        item=entry.item,
        provider_ref=entry.provider_ref,
        idempotency_key=entry.idempotency_key,
    )


async def _add(entry: LedgerEntry, conn: BaseDBAsyncClient) -> int:
    rows = await sql.fetch(_ADD, entry.user_id, entry.credits, using=conn)
    if not rows:
        raise LookupError("the user of a ledger entry does not exist")
    return int(rows[0]["available"])


async def _take_back(entry: LedgerEntry, conn: BaseDBAsyncClient) -> tuple[int, int]:
    """Take back up to ``-entry.credits`` of the available credits (never below zero: credits
    already spent on analyses stay spent). Guarded, so a concurrent spend is never undone."""
    wanted = -entry.credits
    for _ in range(_TAKE_ATTEMPTS):
        available = await available_credits(entry.user_id, conn)
        take = min(wanted, max(available, 0))
        if take == 0:
            return 0, available
        rows = await sql.fetch(_TAKE, entry.user_id, take, using=conn)
        if rows:
            return -take, int(rows[0]["available"])
    raise RuntimeError("the balance kept changing while credits were taken back; try again")
