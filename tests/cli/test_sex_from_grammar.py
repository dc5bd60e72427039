"""`oneiroscope profile --sex auto`: the norms follow the sex the dreams' grammar shows."""

from __future__ import annotations

from typing import Any

import pytest

from cli.hvdc import code_object, sex_from_grammar

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")


def _cards(*sexes: str) -> list[dict[str, Any]]:
    return [{"characters": [], "dreamer_sex": s} if s else {"characters": []} for s in sexes]


def test_a_russian_dream_carries_the_dreamers_sex_from_past_tense_verbs() -> None:
    coded = code_object({}, "Я побежала домой, а за мной гналась собака.", "ru")
    assert coded["dreamer_sex"] == "F"
    assert "dreamer_sex" not in code_object({}, "I ran home and a dog chased me.", "en")


def test_a_clear_majority_picks_the_norms() -> None:
    assert sex_from_grammar(_cards("F", "F", "F", "M", "")) == ("female", 4, 3)
    assert sex_from_grammar(_cards("M", "M", "M")) == ("male", 3, 3)


def test_too_few_or_mixed_dreams_keep_the_pooled_norms() -> None:
    assert sex_from_grammar(_cards("F", "F", "", "")) == ("unspecified", 2, 2)
    assert sex_from_grammar(_cards("F", "M", "F", "M")) == ("unspecified", 4, 2)
