"""faster-whisper (CTranslate2), the primary engine: int8 on CPU, Silero VAD on, and every
window decoded on its own (``condition_on_previous_text=False``: one misheard window cannot
drag the rest of the note into a repetition loop)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from core.asr.errors import EngineUnavailable, NoSpeech
from core.asr.language import pick_language
from core.asr.types import (
    SAMPLE_RATE,
    SUPPORTED_LANGUAGES,
    Audio,
    LanguageChoice,
    ProgressCallback,
    Samples,
    Transcript,
    no_progress,
)
from core.asr.weights import ModelLocation

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

log = logging.getLogger(__name__)

ENGINE_NAME = "faster-whisper"
#: Silero's defaults, but short pauses do not split a sentence and edges keep their consonants.
_VAD = {"min_silence_duration_ms": 500, "speech_pad_ms": 300}
_BEAM_SIZE = 5
_MAX_COMPRESSION = 2.4  # faster-whisper's own fallback threshold
_NO_SPEECH = 0.5


def _hallucinated(compression_ratio: float, no_speech_probability: float) -> bool:
    """Whisper's own signals for text invented over non-speech: a repetitive window (it
    compresses like "I'm sorry I'm sorry…") that the model itself doubts is speech. Seen on a
    note cut mid-word; the temperature fallback does not always cure it."""
    return compression_ratio > _MAX_COMPRESSION and no_speech_probability > _NO_SPEECH


class WhisperEngine:
    """One loaded Whisper model. Not safe for two transcriptions at once: the caller
    (:class:`core.asr.transcriber.Transcriber`) runs one at a time."""

    name = ENGINE_NAME

    def __init__(self, location: ModelLocation, *, cpu_threads: int, cache_dir: Path) -> None:
        from faster_whisper import WhisperModel

        self.model = location.name
        try:
            self._whisper: WhisperModel = WhisperModel(
                location.path_or_name,
                device="cpu",
                compute_type="int8",
                cpu_threads=cpu_threads,
                download_root=str(cache_dir / "downloads"),
            )
        except Exception as exc:  # ctranslate2/hub raise many types; all mean "no model"
            raise EngineUnavailable(
                f"Whisper model {location.name!r} failed to load: {type(exc).__name__}: {exc}"
            ) from exc
        multilingual = bool(self._whisper.model.is_multilingual)
        self.languages: tuple[str, ...] = SUPPORTED_LANGUAGES if multilingual else ("en",)

    def transcribe(
        self, audio: Audio, language: LanguageChoice, progress: ProgressCallback | None = None
    ) -> Transcript:
        report = progress or no_progress
        speech = self._speech_only(audio.samples)
        chosen = self._language(speech, language)
        segments, _info = self._whisper.transcribe(
            audio.samples,
            language=chosen,
            task="transcribe",
            beam_size=_BEAM_SIZE,
            vad_filter=True,
            vad_parameters=_VAD,
            condition_on_previous_text=False,
        )
        texts: list[str] = []
        for segment in segments:  # a generator: the decoding happens while we iterate
            if not _hallucinated(segment.compression_ratio, segment.no_speech_prob):
                texts.append(segment.text.strip())
            report(min(1.0, segment.end / max(audio.duration_s, 1e-6)))
        text = " ".join(t for t in texts if t)
        if not text:
            raise NoSpeech("the model heard no words")
        report(1.0)
        return Transcript(text, chosen, audio.duration_s, self.name, self.model)

    def _speech_only(self, samples: Samples) -> Samples:
        """The parts Silero VAD calls speech, joined; :class:`NoSpeech` when there are none."""
        from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

        chunks = get_speech_timestamps(samples, VadOptions(**_VAD), sampling_rate=SAMPLE_RATE)
        if not chunks:
            raise NoSpeech("voice activity detection found no speech")
        pieces, _meta = collect_chunks(samples, chunks, sampling_rate=SAMPLE_RATE)
        return np.concatenate(pieces).astype(np.float32, copy=False)

    def _language(self, speech: Samples, choice: LanguageChoice) -> str:
        if choice != "auto":
            return choice
        if self.languages == ("en",):
            return "en"
        _lang, _probability, scores = self._whisper.detect_language(audio=speech)
        chosen = pick_language(scores, self.languages)
        log.debug("language %s (whisper's own pick: %s %.2f)", chosen, _lang, _probability)
        return chosen
