"""The dream-analysis job: a thin adapter from the queue's arguments to the core pipeline."""

from __future__ import annotations

import uuid

from core.dreams.pipeline import delivery_from_job, run_analysis
from core.jobs import JobContext


async def analyze_dream(ctx: JobContext, dream_id: str, delivery: dict[str, object]) -> str:
    services = ctx.services
    return await run_analysis(
        services.analyzer, services.notifier, uuid.UUID(dream_id), delivery_from_job(delivery)
    )
