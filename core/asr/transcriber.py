"""The speech-recognition service a process holds: configuration checked at start-up, models
loaded once, one transcription at a time (each one uses every core it is given), and the
engine chosen for the language.

Whisper is the primary engine. Vosk, when configured, takes the languages Whisper's model
cannot (an English-only Whisper and a Russian Vosk model) and stands in when Whisper fails
to load.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from core.asr.audio import decode_audio, require_ffmpeg
from core.asr.cleanup import tidy_transcript
from core.asr.config import AsrSettings
from core.asr.errors import AsrError, EngineUnavailable, LanguageUnavailable
from core.asr.types import LanguageChoice, ProgressCallback, SpeechEngine, Transcript
from core.asr.vosk_engine import VoskEngine, check_model_folder
from core.asr.weights import ModelLocation, resolve_model
from core.asr.whisper import WhisperEngine
from core.metrics import METRICS

log = logging.getLogger(__name__)

WhisperFactory = Callable[[ModelLocation, AsrSettings], SpeechEngine]
VoskFactory = Callable[[Path, str], SpeechEngine]


def _load_whisper(location: ModelLocation, config: AsrSettings) -> SpeechEngine:
    return WhisperEngine(location, cpu_threads=config.threads, cache_dir=config.cache_dir)


class Transcriber:
    """Audio bytes in, :class:`Transcript` out, or an :class:`AsrError` that says why not."""

    def __init__(
        self,
        config: AsrSettings,
        *,
        load_whisper: WhisperFactory = _load_whisper,
        load_vosk: VoskFactory = VoskEngine,
    ) -> None:
        self.config = config
        self._load_whisper = load_whisper
        self._load_vosk = load_vosk
        self._location: ModelLocation | None = None
        self._whisper: SpeechEngine | None = None
        self._vosk: SpeechEngine | None = None
        self._loading = threading.Lock()
        self._one_at_a_time: asyncio.Semaphore | None = None

    def check(self) -> None:
        """Start-up check (blocking): ffmpeg, the Whisper weights (joined and verified here
        when bundled) and the Vosk model (loaded); raises :class:`AsrConfigError` with what to fix."""
        require_ffmpeg()
        self._location = resolve_model(self.config.model, self.config.cache_dir)
        if self.config.vosk_model_dir is not None:
            check_model_folder(self.config.vosk_model_dir)
            with self._loading:  # only loading tells a broken model from a good one
                self._vosk = self._load_vosk(self.config.vosk_model_dir, self.config.vosk_language)

    def load(self) -> None:
        """Load the engines now (blocking; idempotent). A Vosk model that does not load is a
        configuration error; a Whisper model that does not load is logged, retried on the next
        note, and meanwhile Vosk (if any) stands in."""
        with self._loading:
            if self._vosk is None and self.config.vosk_model_dir is not None:
                self._vosk = self._load_vosk(self.config.vosk_model_dir, self.config.vosk_language)
            if self._whisper is None:
                self._whisper = self._try_whisper()

    def _try_whisper(self) -> SpeechEngine | None:
        started = time.process_time()
        try:
            if self._location is None:
                self._location = resolve_model(self.config.model, self.config.cache_dir)
            engine = self._load_whisper(self._location, self.config)
        except AsrError as error:
            log.error("speech model unavailable: %s", error)
            METRICS.inc("asr_model_load_failures_total")
            return None
        log.info("speech model %s loaded (%.1f s CPU)", engine.model, time.process_time() - started)
        return engine

    def engine_for(self, language: LanguageChoice) -> SpeechEngine:
        """The engine that hears ``language`` (loading it if needed)."""
        self.load()
        candidates = [e for e in (self._whisper, self._vosk) if e is not None]
        if not candidates:
            raise EngineUnavailable("no speech engine could be loaded")
        if language == "auto":
            return candidates[0]
        for engine in candidates:
            if language in engine.languages:
                return engine
        raise LanguageUnavailable(f"no engine here speaks {language}")

    def transcribe(
        self, data: bytes, language: LanguageChoice, progress: ProgressCallback | None = None
    ) -> Transcript:
        """Blocking: decode, recognise, tidy. Call :meth:`transcribe_async` from async code."""
        started = time.process_time()
        audio = decode_audio(data, self.config.limits)
        engine = self.engine_for(language)
        try:
            heard = engine.transcribe(audio, language, progress)
        except AsrError:
            raise
        except Exception as exc:  # a crash inside the engine is ours, not the user's
            raise EngineUnavailable(f"{engine.name} failed: {type(exc).__name__}") from exc
        METRICS.observe("asr_cpu_seconds", time.process_time() - started)
        METRICS.observe("asr_audio_seconds", audio.duration_s)
        text = tidy_transcript(heard.text, heard.language)
        return Transcript(text, heard.language, heard.duration_s, heard.engine, heard.model)

    async def transcribe_async(
        self, data: bytes, language: LanguageChoice, progress: ProgressCallback | None = None
    ) -> Transcript:
        """One transcription at a time per process, off the event loop."""
        if self._one_at_a_time is None:
            self._one_at_a_time = asyncio.Semaphore(1)
        async with self._one_at_a_time:
            return await asyncio.to_thread(self.transcribe, data, language, progress)
