"""A Russian character's identity letter from the words around the noun."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_someone_the_dreamer_cannot_name_is_uncertain() -> None:
    assert _chars("Рядом сидел мужчина, не помню, кто это был.") == ["1MUA"]


def test_someone_from_the_dreamers_circle_is_known() -> None:
    assert _chars("Я увидела девушку из нашего общежития.") == ["1FKA"]
    assert _chars("Ко мне подошёл мой сосед.") == ["1MKA"]


def test_a_stranger_stays_a_stranger() -> None:
    assert _chars("Ко мне подошла незнакомая девушка.") == ["1FSA"]


def test_a_person_named_by_nation_is_ethnic() -> None:
    assert _chars("За нами погнался темнокожий мужчина.") == ["1MEA"]
    assert _chars("Там стояли китайские солдаты.") == ["2MEA"]


def test_counted_people_are_a_group_and_a_young_man_is_male() -> None:
    assert _chars("В офисе было несколько человек.") == ["2JSA"]
    assert _chars("Встал какой-то молодой человек.") == ["1MSA"]


def test_a_name_after_its_noun_is_the_same_person() -> None:
    assert _chars("Пришла моя подруга Шарлотта.") == ["1FKA"]
