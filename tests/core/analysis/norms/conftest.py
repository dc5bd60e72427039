"""Fixtures of the HVdC profile tests: the gold cards of the women's norm set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def gold_cards(shared_dir: Path) -> list[dict[str, Any]]:
    """The 490 human-coded women's norm dreams (skips without ../shared)."""
    path = shared_dir / "data" / "hvdc" / "norms_female_coded.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
