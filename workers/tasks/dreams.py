"""The dream-analysis job: a thin adapter from the queue's arguments to the core pipeline."""

from __future__ import annotations

import uuid

from core.dreams.pipeline import AnalysisOutcome, delivery_from_job, run_analysis
from core.jobs import JobContext
from core.voice.job import enqueue_transcription


async def analyze_dream(ctx: JobContext, dream_id: str, delivery: dict[str, object]) -> str:
    services = ctx.services
    outcome = await run_analysis(
        services.analyzer, services.notifier, uuid.UUID(dream_id), delivery_from_job(delivery)
    )
    if outcome == AnalysisOutcome.NOT_TRANSCRIBED:
        # Re-enqueued as an analysis (e.g. by a sweeper): the user confirms a transcript first.
        await enqueue_transcription(services.jobs, dream_id, delivery_from_job(delivery))
    return outcome
