"""The voice-note job: a thin adapter from the queue's arguments to ``core.voice.job``."""

from __future__ import annotations

import uuid

from core.dreams.pipeline import delivery_from_job
from core.jobs import JobContext
from core.services import Services
from core.voice.job import run_transcription


async def transcribe_voice(ctx: JobContext, dream_id: str, delivery: dict[str, object]) -> str:
    services: Services = ctx.services
    if services.voice is None:
        raise RuntimeError("a voice note was queued, but this worker has no transcriber")
    return await run_transcription(
        services.voice.transcriber,
        services.voice.port,
        uuid.UUID(dream_id),
        delivery_from_job(delivery),
    )
