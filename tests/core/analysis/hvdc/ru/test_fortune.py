"""Misfortune in Russian by the HVdC classes (M1 mishap … M6 death), once per event."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _kinds(text: str) -> list[str]:
    return [code[:2] for code in code_dream_ru(text).card()["misfortune"]]


def test_each_class_from_its_definition() -> None:
    assert _kinds("Я хромала со сломанной лодыжкой.") == ["M5"]
    assert _kinds("Я разбила очки.") == ["M4"]
    assert _kinds("Вдруг у меня отказали тормоза.") == ["M3"]
    assert _kinds("Я поскользнулась на льду.") == ["M2"]
    assert _kinds("Моя подруга вдруг исчезла.") == ["M1"]
    assert _kinds("Он умер от сердечного приступа.") == ["M6"]


def test_fainting_is_an_illness_not_a_lost_possession() -> None:
    assert _kinds("Женщина рядом с ним потеряла сознание.") == ["M5"]


def test_two_victims_in_one_sentence_are_two_misfortunes() -> None:
    text = "Брат был сильно покалечен, а отец умер."
    assert code_dream_ru(text).card()["misfortune"] == ["M5, 1MBA", "M6, 1MFA"]


def test_falling_things_are_not_a_fall() -> None:
    assert _kinds("Вдруг начали падать бомбы.") == ["M3"]


def test_a_denied_misfortune_is_not_coded() -> None:
    assert _kinds("Я не упала и не ушиблась.") == []
