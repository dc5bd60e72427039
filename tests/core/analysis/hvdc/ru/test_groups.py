"""«Все» as a character: everyone present is a group when the report names no other."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_everyone_laughing_is_a_group() -> None:
    assert _chars("Я пытаюсь завязать шнурки, а они рвутся. Все ржут.") == ["2JSA"]


def test_everyone_as_an_object_is_a_group() -> None:
    assert _chars("Мой босс орёт на меня прямо при всех.") == ["1MKA", "2JSA"]


def test_everything_is_no_one() -> None:
    assert _chars("Я захотела взять печенье, но всё уже закончилось.") == []


def test_all_of_a_group_already_named_is_no_new_group() -> None:
    assert _chars("Пришли мои подруги. Все смеялись.") == ["2FKA"]
    assert _chars("Мы все громко хлопали.") == []


def test_everyone_of_a_kind_is_no_one_present() -> None:
    assert _chars("Я вписала в карточку всех, кто ходит в группу.") == []


def test_everyone_in_waking_life_is_no_one_in_the_dream() -> None:
    text = "Мне снился мой друг. Он очень полный, но его все любят. Во сне он приехал ко мне."
    assert _chars(text) == ["1MKA"]


def test_the_others_are_a_group_the_dreamer_cannot_name() -> None:
    assert _chars("Я ждала за кулисами. Перед нами выступали другие.") == ["2JUA"]
    assert _chars("Я была в церкви вместе со многими другими.") == ["2JUA"]


def test_other_things_or_another_train_are_no_one() -> None:
    assert _chars("Мою коробку совсем загородили другие.") == []
    assert _chars("Я опоздала на свой поезд и ехала другим.") == []
    assert _chars("Зубы выпадают один за другим.") == []


def test_the_rest_of_a_group_already_named_is_that_group() -> None:
    assert _chars("Я собиралась с компанией друзей. Остальные должны были зайти за мной.") == [
        "2JKA"
    ]
