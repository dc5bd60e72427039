"""Speech models shared by every test that transcribes: each loaded once per test session
(seconds of CPU each on a shared two-core host). Imported into ``tests/conftest.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.asr import AsrSettings, Transcriber
from core.asr.weights import BUNDLED, installed


def require_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None:
        pytest.skip("ffmpeg is not installed (.ci/run installs it)")


def asr_settings(model: str, cache_dir: Path, **extra: object) -> AsrSettings:
    return AsrSettings(model=model, cache_dir=cache_dir, cpu_threads=2, **extra)  # type: ignore[arg-type]


def loaded_transcriber(model: str, cache: Path) -> Transcriber:
    require_ffmpeg()
    if not installed(BUNDLED[model]):
        pytest.skip(f"the offline {model} weights are not installed (the asr extra)")
    transcriber = Transcriber(asr_settings(model, cache))
    transcriber.check()
    transcriber.load()
    return transcriber


@pytest.fixture(scope="session")
def asr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("asr-cache")


@pytest.fixture(scope="session")
def tiny_en(asr_cache: Path) -> Transcriber:
    return loaded_transcriber("tiny.en", asr_cache)


@pytest.fixture(scope="session")
def base(asr_cache: Path) -> Transcriber:
    return loaded_transcriber("base", asr_cache)
