"""Acts ported from the English act table: one test per new class of act."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _card(text: str) -> dict[str, list[str]]:
    return code_dream_ru(text).card()


def test_escaping_from_someone_is_their_chase() -> None:
    assert _card("Мы удрали от злого соседа.")["aggression"] == ["1MKA 6> D"]


def test_hiding_from_someone_is_their_chase() -> None:
    assert _card("Я спряталась от полицейского.")["aggression"] == ["1MOA 6> D"]


def test_throwing_someone_down_is_an_attack() -> None:
    assert _card("Какой-то мужчина сбросил меня с лестницы.")["aggression"] == ["1MSA 7> D"]


def test_a_jealous_feeling_is_covert_hostility() -> None:
    assert _card("Я ревновала своего парня.")["aggression"] == ["D 1> 1MKA"]


def test_parting_at_a_corner_is_no_rejection() -> None:
    # «расстаться» is left out of the table: in a dream it mostly means parting at a corner,
    # not breaking up with someone.
    assert _card("Мы расстались с подругой у метро и пошли по домам.")["aggression"] == []


def test_being_glad_of_someone_is_covert_friendliness() -> None:
    assert _card("Я обрадовалась подруге.")["friendliness"] == ["D 1> 1FKA"]


def test_sending_someone_something_is_a_gift() -> None:
    assert _card("Мама прислала мне посылку.")["friendliness"] == ["1FMA 3> D"]


def test_lunging_at_someone_is_an_attack() -> None:
    assert _card("Собака кинулась на меня.")["aggression"] == ["1ANI 7> D"]


def test_burning_someones_house_destroys_a_possession() -> None:
    assert _card("Сосед сжёг мою машину.")["aggression"] == ["1MKA 5> D"]


def test_paying_no_attention_to_someone_is_a_rejection() -> None:
    assert _card("Брат не обращал на меня внимания.")["aggression"] == ["1MBA 3> D"]


def test_going_to_visit_someone_is_a_visit() -> None:
    assert _card("Я пошла в гости к подруге.")["friendliness"] == ["D 5> 1FKA"]


def test_teaching_someone_is_help() -> None:
    assert _card("Бабушка обучала меня вязанию.")["friendliness"] == ["1FRA 4> D"]


def test_advancing_on_the_dreamer_is_a_chase() -> None:
    assert _card("Огромный медведь шёл прямо на меня.")["aggression"] == ["1ANI 6> D"]
    assert _card("Я пошла на концерт с подругой.")["aggression"] == []


def test_leaving_friends_is_no_chase() -> None:
    # «уйти от» is left out of the table: leaving someone is not fleeing a pursuer.
    assert _card("Я ушла от подруг домой.")["aggression"] == []
