"""Speech models for the ASR tests: each loaded once per test session (they cost seconds of
CPU on a shared two-core host), and the fixture recordings of ``../shared/data/asr``."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.asr import AsrSettings, Transcriber
from core.asr.weights import BUNDLED, installed


@dataclass(frozen=True, slots=True)
class Clip:
    file: Path
    language: str
    reference: str

    @property
    def group(self) -> str:
        """clean_en (ef*, en*), noisy_en (efn*) or ru (rf*), as the acceptance groups them."""
        name = self.file.name
        if name.startswith("efn"):
            return "noisy_en"
        if name.startswith(("ef", "en")):
            return "clean_en"
        return "ru" if name.startswith("rf") else "other"


def require_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None:
        pytest.skip("ffmpeg is not installed (.ci/run installs it)")


def asr_settings(model: str, cache_dir: Path, **extra: object) -> AsrSettings:
    return AsrSettings(model=model, cache_dir=cache_dir, cpu_threads=2, **extra)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def asr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("asr-cache")


def _transcriber(model: str, cache: Path) -> Transcriber:
    require_ffmpeg()
    if not installed(BUNDLED[model]):
        pytest.skip(f"the offline {model} weights are not installed (the asr extra)")
    transcriber = Transcriber(asr_settings(model, cache))
    transcriber.check()
    transcriber.load()
    return transcriber


@pytest.fixture(scope="session")
def tiny_en(asr_cache: Path) -> Transcriber:
    return _transcriber("tiny.en", asr_cache)


@pytest.fixture(scope="session")
def base(asr_cache: Path) -> Transcriber:
    return _transcriber("base", asr_cache)


@pytest.fixture(scope="session")
def clips(shared_dir: Path) -> list[Clip]:
    folder = shared_dir / "data" / "asr"
    with (folder / "refs.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Clip(folder / row["file"], row["language"], row["reference"]) for row in rows]
