"""What the voice feature needs at run time, built once by the composition root."""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import dataclass

from core.asr import AsrSettings, Transcriber
from core.voice.ports import VoicePort

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class VoiceServices:
    transcriber: Transcriber
    port: VoicePort


async def build_transcriber(asr: AsrSettings) -> Transcriber | None:
    """The checked transcriber, or None (voice notes off, said in the log) without ffmpeg.

    A configuration that cannot work (a missing ``ASR_MODEL`` folder, a broken Vosk model,
    damaged weights) raises :class:`core.asr.AsrConfigError` here, at start-up, instead of
    failing on the first voice note.
    """
    if shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None:
        log.warning("Voice notes: off (ffmpeg is not installed) - voice notes get a polite reply")
        return None
    transcriber = Transcriber(asr)
    await asyncio.to_thread(transcriber.check)
    return transcriber
