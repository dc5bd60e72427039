"""Localized HVdC highlights: counts with correct plurals, roles, emotions and settings."""

from __future__ import annotations

import pytest

from core.analysis.highlights import count_characters, dreamer_roles, highlights
from core.analysis.hvdc.types import Code, Coding


def _coding(*codes: tuple[str, str]) -> Coding:
    return Coding(codes=[Code(cat, code) for cat, code in codes])


def _characters(n: int) -> list[tuple[str, str]]:
    return [("characters", "1MSA")] * n


RICH = _coding(
    ("characters", "1MKA"),
    ("characters", "1FMA"),
    ("characters", "1MSA"),
    ("aggression", "1MSA 7> D"),
    ("emotions", "AP, D"),
    ("settings", "IF"),
    ("misfortune", "M5, D"),
    ("success", "SU, D"),
    ("friendliness", "D 4> 1FMA"),
)


def test_characters_are_counted_as_familiar_strangers_animals_and_creatures() -> None:
    coding = _coding(
        ("characters", "1MKA"), ("characters", "2JUA"), ("characters", "1ANI"),
        ("characters", "1CZZ"), ("characters", "1FMA"), ("characters", "5FPA"),
    )  # fmt: skip
    counts = count_characters(coding)
    assert (counts.familiar, counts.strangers, counts.animals, counts.creatures) == (3, 1, 1, 1)


def test_dreamer_roles_in_interactions() -> None:
    assert dreamer_roles(["1MSA 7> D", "D 3> 1MKA", "1MKA 2> 1FKA", "D 7r 1MKA"]) == (2, 2, 1)


def test_english_highlights_tell_who_what_and_where() -> None:
    lines = highlights(RICH, "en")
    assert 3 <= len(lines) <= 6
    assert lines[0] == "Besides you, the dream has 3 characters: 2 known to you, 1 stranger."
    assert "Emotions you felt: apprehension." in lines
    assert "The dream takes place indoors, in a familiar place." in lines
    assert "1 aggressive encounter, where you were the target." in lines


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 персонаж"), (2, "2 персонажа"), (5, "5 персонажей"), (21, "21 персонаж"),
     (11, "11 персонажей")],
)  # fmt: skip
def test_russian_character_count_uses_three_plural_forms(n: int, expected: str) -> None:
    first = highlights(_coding(*_characters(n)), "ru")[0]
    assert f"Кроме вас, во сне {expected}:" in first


def test_russian_highlights_are_translated() -> None:
    lines = highlights(RICH, "ru")
    assert "Ваши чувства во сне: тревога." in lines
    assert "Действие сна происходит в помещении, в знакомом месте." in lines
    assert all(not any("a" <= ch <= "z" for ch in line.lower()) for line in lines)


def test_sparse_coding_still_gives_three_sentences() -> None:
    lines = highlights(Coding(), "en")
    assert lines == [
        "You are the only character in this dream.",
        "The report names no emotions.",
        "The setting is not clearly described.",
    ]


def test_at_most_six_highlights() -> None:
    extra = [Code("sexuality", "D 1> 1MKA"), Code("good_fortune", "GF, D")]
    busy = Coding(codes=[*RICH.codes, *extra])
    assert len(highlights(busy, "en")) == 6


def test_unsupported_coding_gives_one_honest_note() -> None:
    lines = highlights(Coding(supported=False, reason="unsupported_language"), "ru")
    assert len(lines) == 1 and "английском" in lines[0]
