"""Finds dreams whose analysis job was lost and queues it again.

A dream is stored before its job is queued, so a queue that is away (Redis down), or that loses
its contents (Redis without persistence restarted), or a worker killed mid-job, leaves dreams in
``queued`` or ``analyzing`` with no job to finish them. Every worker process runs
:func:`sweep_forever`; it re-queues only those two statuses past their deadline — never a dream
that waits for the user (a credit, a confirmation). Two sweepers, or a sweep racing the lost job
coming back, cannot analyse a dream twice: job ids repeat within a window (the queue drops the
twin) and the job claims the dream before analysing it (:func:`core.dreams.claims.claim_dream`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.timezone import now

from core.db.errors import PROBE_ERRORS
from core.db.models import Dream, DreamStatus
from core.dreams.journal import ANALYZE_JOB
from core.dreams.pipeline import delivery_to_job
from core.dreams.report import Delivery
from core.jobs import JobError, JobQueue
from core.metrics import METRICS

log = logging.getLogger(__name__)

#: The origin a swept job carries: it may only finish a dream still stuck, never redo one.
SWEPT = "swept"
BATCH = 200
#: What a sweep waits out: the database or the queue being away.
SWEEP_ERRORS: tuple[type[BaseException], ...] = (*PROBE_ERRORS, JobError)


@dataclass(frozen=True, slots=True)
class SweepPolicy:
    """When a dream counts as stuck, and how often to look."""

    #: A queued dream's job normally starts within seconds; past this it was lost.
    queued_after_s: float = 60.0
    #: An analysing dream's job holds it at most this long (job timeout + margin).
    analyzing_after_s: float = 150.0
    interval_s: float = 30.0


def _stuck_filter(at: datetime, policy: SweepPolicy) -> Q:
    queued = Q(
        status=DreamStatus.QUEUED, updated_at__lt=at - timedelta(seconds=policy.queued_after_s)
    )
    analyzing = Q(
        status=DreamStatus.ANALYZING,
        updated_at__lt=at - timedelta(seconds=policy.analyzing_after_s),
    )
    return queued | analyzing


async def count_stuck(policy: SweepPolicy) -> int:
    return await Dream.filter(_stuck_filter(now(), policy)).count()


def sweep_job_id(dream: Dream, at: datetime, policy: SweepPolicy) -> str:
    """The same id for the same stuck state within one window: twin sweeps collapse into one
    job, and a sweep job lost with the queue is queued again one window later."""
    window = int(at.timestamp() // max(policy.queued_after_s, 1.0))
    return f"analyze:{dream.id}:sweep:{int(dream.updated_at.timestamp())}:{window}"


async def sweep_once(jobs: JobQueue, policy: SweepPolicy) -> int:
    """Queue a job for every stuck dream; the number queued (twins already queued not counted)."""
    at = now()
    stuck = (
        await Dream.filter(_stuck_filter(at, policy))
        .select_related("user")
        .order_by("updated_at")
        .limit(BATCH)
    )
    METRICS.set_gauge("dreams_stuck", float(len(stuck)))
    queued = 0
    for dream in stuck:
        if dream.user.telegram_id is None:
            continue  # nowhere to deliver it; the journal shows it as waiting
        delivery = Delivery(
            chat_id=dream.user.telegram_id,
            status_message_id=dream.status_message_id,
            locale=dream.user.language,
        )
        job_id = sweep_job_id(dream, at, policy)
        if await jobs.enqueue(
            ANALYZE_JOB, str(dream.id), delivery_to_job(delivery), SWEPT, job_id=job_id
        ):
            queued += 1
    if queued:
        log.warning("re-queued %d dream(s) whose analysis job was lost", queued)
        METRICS.inc("dreams_requeued_total", float(queued))
    return queued


async def sweep_forever(jobs: JobQueue, policy: SweepPolicy) -> None:
    """Sweep every ``interval_s`` for as long as the process runs; outages are waited out."""
    while True:
        try:
            await sweep_once(jobs, policy)
        except SWEEP_ERRORS as exc:
            log.warning("sweep skipped: %s", type(exc).__name__)
        await asyncio.sleep(policy.interval_s)
