"""Values that cross the speech-recognition boundary: plain, frozen, JSON-friendly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

#: Languages we transcribe (and analyse). Detection is restricted to these: plain Whisper
#: auto-detection picks Ukrainian or Belarusian for some Russian clips.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ru")
#: ``auto`` = detect, restricted to :data:`SUPPORTED_LANGUAGES`.
LanguageChoice = Literal["en", "ru", "auto"]
#: Whisper's input: mono float32 samples at 16 kHz in [-1, 1].
SAMPLE_RATE = 16_000
Samples = npt.NDArray[np.float32]
#: Called from the transcribing thread with the share of the audio done, 0.0-1.0.
ProgressCallback = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Audio:
    """Decoded audio, ready for an engine. Lives in memory only, never written anywhere."""

    samples: Samples
    duration_s: float


@dataclass(frozen=True, slots=True)
class Transcript:
    """What the user said: the text, its language, and which engine and model heard it."""

    text: str
    language: str
    duration_s: float
    engine: str
    model: str

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "language": self.language,
            "duration_s": round(self.duration_s, 2),
            "engine": self.engine,
            "model": self.model,
        }


class SpeechEngine(Protocol):
    """One recogniser. ``transcribe`` is blocking and CPU-bound: call it from a worker thread."""

    name: str
    model: str
    #: Languages this engine can transcribe (an English-only model says ``("en",)``).
    languages: tuple[str, ...]

    def transcribe(
        self, audio: Audio, language: LanguageChoice, progress: ProgressCallback | None = None
    ) -> Transcript: ...


def no_progress(_share: float) -> None:
    """The default progress callback: nobody is watching."""
