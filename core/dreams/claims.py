"""One job at a time per dream: a job claims the dream before analysing it.

Jobs for one dream can meet: arq retrying a job whose worker was killed, a sweep re-queuing a job
it believed lost, a user pressing "analyse" twice. The claim is a compare-and-set on the dream's
status and holder: the first job moves it to ``analyzing`` under its own key; the others see
it held and stand down, unless the holder has been silent longer than its lease (it died).
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from tortoise.timezone import now

from core.db.models import Dream, DreamStatus
from core.dreams.journal_changes import journal_changed

#: Statuses a job may start from; an ``analyzing`` dream only when its holder's lease is over.
_CLAIMABLE = frozenset({DreamStatus.QUEUED, DreamStatus.FAILED, DreamStatus.WAITING_FOR_CREDIT})
#: The only statuses a swept job may finish: it exists because a dream was stuck in one.
_SWEEPABLE = frozenset({DreamStatus.QUEUED, DreamStatus.ANALYZING})


class Claim(StrEnum):
    FRESH = "fresh"  # claimed; nothing was saved by an earlier try
    RESUMED = "resumed"  # claimed back from an earlier try (this job's, or a dead one's)
    HELD = "held"  # another job is analysing it right now
    DONE = "done"  # analysed and delivered already
    SKIPPED = "skipped"  # not this job's to do (a swept job for a dream no longer stuck)


def _held_by_other(dream: Dream, job_key: str, lease_s: float) -> bool:
    if dream.analysis_job == job_key:
        return False
    return dream.updated_at > now() - timedelta(seconds=lease_s)


async def claim_dream(dream: Dream, job_key: str, *, lease_s: float, swept: bool) -> Claim:
    """Try to make ``job_key`` the dream's holder (``dream`` is updated in memory on success)."""
    status = dream.status
    if swept and status not in _SWEEPABLE:
        return Claim.SKIPPED
    if status == DreamStatus.ANALYZED:
        return Claim.DONE
    if status == DreamStatus.ANALYZING and _held_by_other(dream, job_key, lease_s):
        return Claim.HELD
    if status != DreamStatus.ANALYZING and status not in _CLAIMABLE:
        return Claim.SKIPPED  # e.g. awaiting the user's confirmation
    at = now()
    held = (
        {"analysis_job": dream.analysis_job}
        if dream.analysis_job is not None
        else {"analysis_job__isnull": True}
    )
    won = await Dream.filter(id=dream.id, status=status, **held).update(
        status=DreamStatus.ANALYZING, analysis_job=job_key, updated_at=at
    )
    if not won:
        return Claim.HELD  # another job claimed it between our read and our write
    dream.status, dream.analysis_job, dream.updated_at = DreamStatus.ANALYZING, job_key, at
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
    return Claim.RESUMED if status == DreamStatus.ANALYZING else Claim.FRESH
