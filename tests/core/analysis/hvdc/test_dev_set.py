"""The coder's quality floors on the women's norm cards (the development set in ../shared).

Floors sit a little below the figures measured when they were set, so a change that makes a
category clearly worse fails here; the full report is ``python bench/hvdc_eval.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.analysis.evaluation import category_f1, emotion_presence
from core.analysis.hvdc import code_dream

FLOORS = {
    "characters": 0.79,
    "emotions": 0.72,
    "settings": 0.69,
    "aggression": 0.40,
    "friendliness": 0.36,
    "sexuality": 0.33,
    "misfortune": 0.49,
    "success+failure": 0.69,
    "good_fortune": 0.34,
    "activities": 0.62,
    "modifiers": 0.71,
    "objects": 0.61,
}


Coded = tuple[list[dict[str, list[str]]], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def coded(shared_dir: Path) -> Coded:
    path = shared_dir / "data" / "hvdc" / "norms_female_coded.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [code_dream(row["report"]).card() for row in gold], gold


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_f1_stays_above_its_floor(coded: Coded, category: str) -> None:
    predicted, gold = coded
    assert category_f1(category, predicted, gold).f1 >= FLOORS[category]


def test_emotion_presence_meets_the_published_keyword_level(coded: Coded) -> None:
    predicted, gold = coded
    pairs = list(zip(predicted, gold, strict=True))
    bearing = [(p, g) for p, g in pairs if g["emotions"]]
    assert emotion_presence("all", pairs).f1 >= 0.81
    assert emotion_presence("bearing", bearing).f1 >= 0.85
