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


def test_what_would_have_happened_or_happened_long_ago_is_not_coded() -> None:
    assert _kinds("Машин, в которые я могла бы врезаться, не было.") == []
    assert _kinds("Мы слушали пастора, который умер неделю назад.") == []


def test_a_broken_tooth_is_an_injury() -> None:
    assert _kinds("Мне снилось, что я сломала передний зуб.") == ["M5"]


def test_things_that_vanish_befall_no_one() -> None:
    assert _kinds("Потом шишки медленно исчезли.") == []


def test_until_is_not_a_denial() -> None:
    assert _kinds("Табурет крутился, пока я вдруг с него не свалилась.") == ["M2"]


def test_a_past_verb_after_a_pronoun_is_read_as_one() -> None:
    # pymorphy3's best reading of «начала» alone is the noun «начало»
    assert _kinds("А потом я начала падать вниз, к саду.") == ["M2"]


def test_a_lost_way_home_is_a_mishap_as_well_as_a_failure() -> None:
    card = code_dream_ru("Я никак не могла найти свой дом.").card()
    assert [c[:2] for c in card["misfortune"]] == ["M1"]
    assert card["failure"] == ["FL, D"]
