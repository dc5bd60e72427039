"""A second name for someone just named is no one new (``ru/apposition.py``)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_a_noun_after_a_comma_renames_the_one_before() -> None:
    text = "Я купалась в озере с другом моего жениха, молодым человеком лет 22."
    assert len(_chars(text)) == 2  # the friend and the fiancé, not a young stranger too


def test_a_name_in_apposition_is_kept() -> None:
    assert _chars("Я отдала её преподавательнице, Дороти Крэндалл.") == ["1FKA"]


def test_the_dreamers_own_in_apposition_is_kept() -> None:
    text = "Мне снилось, что пожилой мужчина, мой старый друг, пришёл навестить меня."
    assert _chars(text) == ["1MKA"]


def test_a_parenthesised_noun_renames_the_one_before() -> None:
    assert _chars("Я вышла к машине, водитель которой (мой начальник) сигналил.") == ["1MKA"]


def test_a_list_of_people_is_no_apposition() -> None:
    assert _chars("Я увидела маму, брата и сестру.") == ["1FMA", "1MBA", "1FTA"]
