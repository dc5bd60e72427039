"""The transcription job: fetch the audio through the transport (bot and worker may share no
disk), transcribe it while the user watches the share done, and leave the dream waiting for
the user's confirmation with the transcript as its text. The audio bytes live only in this
job's memory; the dream keeps Telegram's file id.

Whatever goes wrong, the user hears why in their language, nothing is charged (no analysis
ran), the minutes are given back, the textless dream is removed, and the worker goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from core.asr import AsrError, EngineUnavailable, Transcriber, Transcript, parse_choice
from core.db.models import Dream, DreamStatus
from core.dreams.journal_changes import journal_changed
from core.dreams.pipeline import delivery_to_job
from core.dreams.report import Delivery
from core.jobs import JobQueue
from core.metrics import METRICS
from core.voice.ports import VoicePort
from core.voice.quota import release_audio

log = logging.getLogger(__name__)

TRANSCRIBE_JOB = "transcribe_voice"
#: How often the status message and the chat action are refreshed (Telegram shows an action
#: for five seconds; edits are rate-limited per chat).
PROGRESS_INTERVAL_S = 3.0


class VoiceOutcome:
    TRANSCRIBED = "transcribed"
    FAILED = "failed"
    GONE = "gone"
    ALREADY_DONE = "already_done"


async def enqueue_transcription(jobs: JobQueue, dream_id: str, delivery: Delivery) -> bool:
    """Queue the transcription of a stored voice dream (once: keyed by the dream)."""
    return await jobs.enqueue(
        TRANSCRIBE_JOB, dream_id, delivery_to_job(delivery), job_id=f"transcribe:{dream_id}"
    )


def needs_transcription(dream: Dream) -> bool:
    """A voice dream whose transcript has not been made yet (e.g. re-enqueued by a sweeper as
    an analysis: it must be transcribed and confirmed first)."""
    return dream.audio_ref is not None and not dream.text and dream.status == DreamStatus.QUEUED


class _Share:
    """The share of the audio done, written by the transcribing thread, read by the loop."""

    def __init__(self) -> None:
        self.value = 0.0

    def __call__(self, share: float) -> None:
        self.value = share


async def run_transcription(
    transcriber: Transcriber, port: VoicePort, dream_id: uuid.UUID, delivery: Delivery
) -> str:
    dream = await Dream.get_or_none(id=dream_id).prefetch_related("user")
    if dream is None:
        return VoiceOutcome.GONE  # cancelled or deleted meanwhile
    if not needs_transcription(dream):
        return VoiceOutcome.ALREADY_DONE  # a redelivered job: the transcript was shown
    share = _Share()
    ticker = asyncio.create_task(_show_progress(port, delivery, share))
    try:
        heard = await _transcribe(transcriber, port, dream, share)
    except AsrError as error:
        await _give_up(dream, port, delivery, error)
        return VoiceOutcome.FAILED
    except Exception:  # a bug must not cost the user a silent failure, nor stop the worker
        log.exception("transcription of a voice note failed")
        await _give_up(dream, port, delivery, EngineUnavailable("unexpected error"))
        return VoiceOutcome.FAILED
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
    return await _keep_transcript(dream, port, delivery, heard)


async def _transcribe(
    transcriber: Transcriber, port: VoicePort, dream: Dream, share: _Share
) -> Transcript:
    assert dream.audio_ref is not None
    data = await port.fetch(dream.audio_ref, transcriber.config.max_bytes)
    language = parse_choice(dream.user.voice_language)
    try:
        return await transcriber.transcribe_async(data, language, share)
    finally:
        del data  # no audio kept: only Telegram's file id stays with the dream


async def _show_progress(port: VoicePort, delivery: Delivery, share: _Share) -> None:
    shown: int | None = None
    while True:
        percent = int(share.value * 100)
        try:
            await port.transcribing(delivery, share.value if percent != shown else None)
        except Exception as exc:  # progress is cosmetic: never let it fail the job
            log.info("progress not shown: %s", type(exc).__name__)
        shown = percent
        await asyncio.sleep(PROGRESS_INTERVAL_S)


async def _keep_transcript(
    dream: Dream, port: VoicePort, delivery: Delivery, heard: Transcript
) -> str:
    dream.text = heard.text
    dream.language = heard.language
    dream.status = DreamStatus.AWAITING_CONFIRMATION
    await dream.save(update_fields=["text", "language", "status", "updated_at"])
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
    METRICS.inc("voice_notes_transcribed_total", engine=heard.engine)
    await port.transcript(delivery, str(dream.id), heard.text)
    return VoiceOutcome.TRANSCRIBED


async def _give_up(dream: Dream, port: VoicePort, delivery: Delivery, error: AsrError) -> None:
    log.info("voice note not transcribed: %s (%s)", error.reason, error)
    METRICS.inc("voice_notes_failed_total", reason=error.reason)
    if dream.audio_seconds:
        await release_audio(dream.user_id, max(1, dream.audio_seconds), dream.created_at.date())  # type: ignore[attr-defined]
    await dream.delete()  # no words, nothing to keep: the file id goes with it
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
    await port.failed(delivery, error.localized(delivery.locale))
