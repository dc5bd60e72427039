"""The user's private journal: pages of dreams, one dream with its analysis, deletion, and
(re)starting an analysis job. Every lookup is scoped to the owner."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from core.billing.credits import release_for_dream
from core.db.models import Dream, DreamAnalysis, User
from core.dreams.cached_answers import KeyDeleter, answer_keys, erase_answers
from core.dreams.journal_changes import journal_changed
from core.dreams.lunar_night import user_night
from core.dreams.pipeline import delivery_to_job
from core.dreams.report import Delivery
from core.excerpts import excerpt
from core.jobs import JobQueue

ANALYZE_JOB = "analyze_dream"
EXCERPT_CHARS = 48


@dataclass(frozen=True, slots=True)
class JournalEntry:
    dream_id: str
    created_at: datetime
    night_of: date  # the morning that ended the dream's night (core.lunar.night)
    excerpt: str
    status: str
    mood: str | None


@dataclass(frozen=True, slots=True)
class JournalPage:
    entries: list[JournalEntry]
    page: int
    has_next: bool
    total: int


async def journal_page(user: User, page: int, per_page: int = 5) -> JournalPage:
    page = max(0, page)
    query = Dream.filter(user_id=user.id).order_by("-created_at")
    total = await query.count()
    dreams = await query.offset(page * per_page).limit(per_page)
    moods = dict(
        await DreamAnalysis.filter(dream_id__in=[d.id for d in dreams]).values_list(
            "dream_id", "mood"
        )
    )
    entries = [
        JournalEntry(
            dream_id=str(d.id),
            created_at=d.created_at,
            night_of=user_night(d.created_at, user, d.dreamt_on).morning,
            excerpt=excerpt(d.text, EXCERPT_CHARS),
            status=str(d.status),
            mood=moods.get(d.id),
        )
        for d in dreams
    ]
    return JournalPage(
        entries=entries, page=page, has_next=(page + 1) * per_page < total, total=total
    )


def _parse_id(dream_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(dream_id)
    except ValueError:
        return None


async def get_user_dream(user: User, dream_id: str) -> Dream | None:
    """The dream if it exists *and belongs to this user*; None otherwise (no existence leak)."""
    parsed = _parse_id(dream_id)
    if parsed is None:
        return None
    return await Dream.get_or_none(id=parsed, user_id=user.id)


async def latest_analysis(dream: Dream) -> DreamAnalysis | None:
    return await DreamAnalysis.filter(dream_id=dream.id).order_by("-created_at").first()


async def delete_user_dream(user: User, dream_id: str, cache: KeyDeleter | None) -> bool:
    """Delete one dream with its analyses and embedding (cascade) and the LLM cache entries
    of its analyses (``cache``: where they live; None: nowhere); payments keep no link."""
    dream = await get_user_dream(user, dream_id)
    if dream is None:
        return False
    keys = await answer_keys(dream_id=dream.id) if cache is not None else []
    await release_for_dream(dream.id)  # a dream deleted while queued gives its credit back
    await dream.delete()
    await journal_changed(user.id)
    if cache is not None:
        await erase_answers(cache, keys)
    return True


async def enqueue_analysis(
    jobs: JobQueue, dream: Dream, delivery: Delivery, request_key: str = "first"
) -> bool:
    """Start the analysis job of ``dream`` once per request (``request_key``: the first
    submission, or one press of "analyse again"); False when that request was already queued."""
    return await jobs.enqueue(
        ANALYZE_JOB,
        str(dream.id),
        delivery_to_job(delivery),
        job_id=f"analyze:{dream.id}:{request_key}",
    )
