"""Success and failure in Russian: the outcome of a character's own effort, read as episodes."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _outcomes(text: str) -> list[str]:
    card = code_dream_ru(text).card()
    return card["success"] + card["failure"]


def test_a_striving_that_falls_short_is_a_failure() -> None:
    assert _outcomes("Я изо всех сил пыталась открыть дверь, но не смогла.") == ["FL, D"]


def test_a_striving_that_ends_well_is_a_success() -> None:
    text = "Я несколько раз пыталась его поймать на вопросах. Наконец я его перехитрила."
    assert _outcomes(text) == ["SU, D"]


def test_a_search_ends_in_finding_or_not() -> None:
    assert _outcomes("Я искала свой дом. Я его нашла.") == ["SU, D"]
    assert _outcomes("Я искала свой дом. Я так и не нашла его.") == ["FL, D"]


def test_could_not_without_an_effort_is_no_failure() -> None:
    assert _outcomes("Я не могла поверить, что она так выглядит.") == []
    assert _outcomes("Я не могла пошевелиться от страха.") == []


def test_an_outcome_that_carries_its_effort_needs_no_striving() -> None:
    assert _outcomes("Мне удалось сдать экзамен.") == ["SU, D"]
    assert _outcomes("Я завалила экзамен.") == ["FL, D"]
    assert _outcomes("Я разбежалась, прыгнул и не долетела до крыши.") == ["FL, D"]


def test_the_outcome_belongs_to_the_striver() -> None:
    text = "Ребята пытались её обогнать, но никто не смог."
    assert _outcomes(text) == ["FL, 2JKA"]


def test_a_question_about_an_outcome_or_an_almost_is_no_outcome() -> None:
    assert _outcomes("Насекомое чуть меня не одолело. Не знаю, кто победил.") == []
    assert _outcomes("Надо было проверить, сможет ли он печатать быстрее.") == []
