"""The voice-note fixture recordings of ``../shared/data/asr`` (the models are session
fixtures of ``tests/asr_models.py``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest


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


@pytest.fixture(scope="session")
def clips(shared_dir: Path) -> list[Clip]:
    folder = shared_dir / "data" / "asr"
    with (folder / "refs.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Clip(folder / row["file"], row["language"], row["reference"]) for row in rows]
