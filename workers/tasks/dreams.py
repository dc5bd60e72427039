"""The dream-analysis job: a thin adapter from the queue's arguments to the core pipeline.

A database that is away for a moment (restart, failover) is not the dream's fault: the job is
retried with backoff (:class:`~core.jobs.RetryJob`) and the dream keeps its status meanwhile.
"""

from __future__ import annotations

import logging
import uuid

from core.db.errors import is_transient
from core.dreams.pipeline import AnalysisOutcome, JobTicket, delivery_from_job, run_analysis
from core.dreams.sweeper import SWEPT
from core.jobs import JobContext, RetryJob
from core.voice.job import enqueue_transcription
from workers.limits import claim_lease_s, retry_delay_s

log = logging.getLogger(__name__)


async def analyze_dream(
    ctx: JobContext, dream_id: str, delivery: dict[str, object], origin: str = "user"
) -> str:
    services = ctx.services
    ticket = JobTicket(
        job_key=ctx.job_id or f"analyze:{dream_id}:{uuid.uuid4().hex}",
        lease_s=claim_lease_s(services.analyzer.deadline_s),
        swept=origin == SWEPT,
    )
    try:
        outcome = await run_analysis(
            services.analyzer,
            services.notifier,
            uuid.UUID(dream_id),
            delivery_from_job(delivery),
            ticket,
        )
    except Exception as exc:
        if not is_transient(exc):
            raise
        delay = retry_delay_s(ctx.job_try)
        log.warning(
            "analysis try %d: database unavailable (%s); retrying in %.0f s",
            ctx.job_try,
            type(exc).__name__,
            delay,
        )
        raise RetryJob(delay) from exc
    if outcome == AnalysisOutcome.NOT_TRANSCRIBED:
        # Re-enqueued as an analysis (e.g. by a sweeper): the user confirms a transcript first.
        await enqueue_transcription(services.jobs, dream_id, delivery_from_job(delivery))
    return outcome
