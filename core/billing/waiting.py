"""Dreams that wait for a credit: reserving at submission, one notice for dreams sent together,
and offering the waiting dreams again once the user has credits (newest first)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from core.billing.credits import ReserveOutcome, reserve_for_dream
from core.cache import CACHE_ERRORS, Cache
from core.db.models import Dream, DreamStatus, User
from core.dreams.queries import mark
from core.excerpts import excerpt

#: Dreams that run out of credit within this many seconds of each other get one notice.
NOTICE_WINDOW_SECONDS = 120
EXCERPT_CHARS = 40


@dataclass(frozen=True, slots=True)
class WaitingDream:
    dream_id: str
    created_at: datetime
    excerpt: str


async def reserve_or_wait(user: User, dream: Dream) -> ReserveOutcome:
    """Reserve the dream's credit as it is accepted; without one it waits (``waiting_for_credit``)
    in the journal until the user has a credit."""
    outcome = await reserve_for_dream(user.id, dream.id)
    if outcome is ReserveOutcome.NO_CREDIT:
        await mark(dream, DreamStatus.WAITING_FOR_CREDIT)
    return outcome


def _notice_key(user_id: uuid.UUID) -> str:
    return f"billing:no-credit-notice:{user_id}"


async def claim_no_credit_notice(cache: Cache, user_id: uuid.UUID) -> bool:
    """True for the first of the dreams that ran out of credit together: only it tells the
    user; the others are already covered by that notice."""
    try:
        return await cache.add(_notice_key(user_id), "1", NOTICE_WINDOW_SECONDS)
    except CACHE_ERRORS:
        return True  # Redis away: a second notice beats none


async def reset_no_credit_notice(cache: Cache, user_id: uuid.UUID) -> None:
    """After a purchase the next time credits run out deserves a notice of its own."""
    await cache.delete(_notice_key(user_id))


async def waiting_dreams(user_id: uuid.UUID, limit: int = 5) -> tuple[list[WaitingDream], int]:
    """The newest ``limit`` dreams waiting for a credit, and how many wait in all."""
    query = Dream.filter(user_id=user_id, status=DreamStatus.WAITING_FOR_CREDIT)
    total = await query.count()
    dreams = await query.order_by("-created_at").limit(limit)
    return [
        WaitingDream(str(d.id), d.created_at, excerpt(d.text, EXCERPT_CHARS)) for d in dreams
    ], total


async def resume_waiting(user: User, dream_ids: list[str] | None = None) -> list[Dream]:
    """Reserve credits for waiting dreams (the given ones, or all, newest first) as far as the
    balance goes; the dreams that got one are queued again and returned for analysis."""
    query = Dream.filter(user_id=user.id, status=DreamStatus.WAITING_FOR_CREDIT)
    if dream_ids is not None:
        parsed = [_uuid(d) for d in dream_ids]
        query = query.filter(id__in=[p for p in parsed if p is not None])
    resumed: list[Dream] = []
    for dream in await query.order_by("-created_at"):
        outcome = await reserve_for_dream(user.id, dream.id)
        if outcome is ReserveOutcome.NO_CREDIT:
            break
        await mark(dream, DreamStatus.QUEUED)
        resumed.append(dream)
    return resumed


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
