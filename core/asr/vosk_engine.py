"""Vosk (Kaldi), the second engine: for an operator who provides a Vosk model folder, e.g. a
small Russian model next to an English-only Whisper, or a fallback when Whisper cannot load.

No Vosk model ships on a package registry we can use, so the folder is checked at start-up:
a missing or broken folder stops the process with a clear message instead of failing on the
first voice note.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from core.asr.errors import AsrConfigError, LanguageUnavailable, NoSpeech
from core.asr.types import (
    SAMPLE_RATE,
    Audio,
    LanguageChoice,
    ProgressCallback,
    Transcript,
    no_progress,
)

ENGINE_NAME = "vosk"
_CHUNK_SECONDS = 2.0
#: (what, any of these paths) — the parts every Kaldi model Vosk loads must have.
_REQUIRED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("an acoustic model", ("am/final.mdl", "final.mdl")),
    ("a decoding graph", ("graph/HCLG.fst", "graph/HCLr.fst", "HCLG.fst", "HCLr.fst")),
    ("a feature configuration", ("conf/mfcc.conf", "mfcc.conf")),
)


def check_model_folder(folder: Path) -> None:
    """Raise :class:`AsrConfigError` saying what is wrong with ``folder``; quiet when usable."""
    if not folder.exists():
        raise AsrConfigError(f"VOSK_MODEL_DIR={folder} does not exist")
    if not folder.is_dir():
        raise AsrConfigError(f"VOSK_MODEL_DIR={folder} is not a folder")
    missing = [what for what, paths in _REQUIRED if not any((folder / p).is_file() for p in paths)]
    if missing:
        raise AsrConfigError(
            f"VOSK_MODEL_DIR={folder} is not a Vosk model: it has no {', no '.join(missing)} "
            "(unpack a model from alphacephei's model list there)"
        )


class VoskEngine:
    name = ENGINE_NAME

    def __init__(self, folder: Path, language: str) -> None:
        check_model_folder(folder)
        import vosk

        vosk.SetLogLevel(-1)
        try:
            self._model: Any = vosk.Model(str(folder))
        except Exception as exc:  # vosk raises a bare Exception("Failed to create a model")
            raise AsrConfigError(f"VOSK_MODEL_DIR={folder} could not be loaded: {exc}") from exc
        self.model = folder.name
        self.languages: tuple[str, ...] = (language,)

    def transcribe(
        self, audio: Audio, language: LanguageChoice, progress: ProgressCallback | None = None
    ) -> Transcript:
        import vosk

        if language != "auto" and language not in self.languages:
            raise LanguageUnavailable(f"the Vosk model speaks {self.languages[0]}")
        report = progress or no_progress
        recognizer = vosk.KaldiRecognizer(self._model, SAMPLE_RATE)
        pcm = (np.clip(audio.samples, -1.0, 1.0) * 32767).astype("<i2")
        step = int(SAMPLE_RATE * _CHUNK_SECONDS)
        texts: list[str] = []
        for start in range(0, len(pcm), step):
            if recognizer.AcceptWaveform(pcm[start : start + step].tobytes()):
                texts.append(_text(recognizer.Result()))
            report(min(1.0, (start + step) / max(len(pcm), 1)))
        texts.append(_text(recognizer.FinalResult()))
        text = " ".join(t for t in texts if t)
        if not text:
            raise NoSpeech("vosk heard no words")
        return Transcript(text, self.languages[0], audio.duration_s, self.name, self.model)


def _text(result_json: str) -> str:
    return str(json.loads(result_json).get("text", "")).strip()
