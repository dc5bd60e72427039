"""The ``asr`` section of the settings (``settings.asr``): voice notes' engines, weights and
limits, read with the rest by ``core.config`` from flat variables (``ASR_MODEL``...)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from core.asr.audio import AudioLimits

_MAX_AUTO_THREADS = 4


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "oneiroscope" / "asr"


class AsrSettings(BaseModel):
    """Everything speech recognition reads; each field names its variable."""

    model_config = ConfigDict(frozen=True, validate_by_name=True, validate_by_alias=True)

    #: A faster-whisper model name (``base``, ``tiny.en``, ``small``...: bundled offline weights
    #: are used when their package is installed, else downloaded once) or a local model folder.
    model: str = Field("base", validation_alias="ASR_MODEL", min_length=1)
    cache_dir: Path = Field(default_factory=_default_cache_dir, validation_alias="ASR_CACHE_DIR")
    #: Threads per transcription; 0 = every core, at most four.
    cpu_threads: int = Field(0, validation_alias="ASR_CPU_THREADS", ge=0)
    #: A Vosk model folder: the second engine, for ``vosk_language``.
    vosk_model_dir: Path | None = Field(None, validation_alias="VOSK_MODEL_DIR")
    vosk_language: str = Field("ru", validation_alias="VOSK_LANGUAGE", pattern=r"^(en|ru)$")
    max_seconds: int = Field(300, validation_alias="VOICE_MAX_SECONDS", ge=5)
    max_bytes: int = Field(20_000_000, validation_alias="VOICE_MAX_BYTES", ge=10_000)
    #: Minutes of audio one user may send a day (0: no voice notes).
    daily_minutes: int = Field(30, validation_alias="VOICE_DAILY_MINUTES", ge=0)

    @property
    def limits(self) -> AudioLimits:
        return AudioLimits(self.max_seconds, self.max_bytes)

    @property
    def threads(self) -> int:
        return self.cpu_threads or min(_MAX_AUTO_THREADS, os.cpu_count() or 1)
