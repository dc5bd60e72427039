"""Russian emotions from the HVdC definitions, including the less obvious members of a class."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _emotions(text: str) -> list[str]:
    return code_dream_ru(text).card()["emotions"]


def test_losing_nerve_is_apprehension() -> None:
    assert _emotions("На полпути я струсила и спустилась обратно.") == ["AP, D"]


def test_pride_is_happiness() -> None:
    assert _emotions("Кошка очень гордилась котёнком.") == ["HA, 1ANI"]


def test_being_undecided_is_confusion() -> None:
    assert _emotions("Я никак не могла решить, что взять.") == ["CO, D"]


def test_strange_as_the_manner_of_an_act_is_no_feeling() -> None:
    assert _emotions("Девчонки как-то странно переглянулись.") == []
    assert _emotions("Мне было странно.") == ["CO, D"]
