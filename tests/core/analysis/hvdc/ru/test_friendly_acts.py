"""Russian friendliness told without a listed friendly verb: gladness aimed at someone
(covert, F1) and favours done for someone (help F4, a thing made or bought F3)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _friendliness(text: str) -> list[str]:
    return code_dream_ru(text).card()["friendliness"]


def test_the_dreamers_gladness_aimed_at_someone_is_covert_friendliness() -> None:
    assert _friendliness("Приехал брат. Я обрадовалась ему.") == ["D 1> 1MBA"]
    assert _friendliness("Приехал брат. Я была рада его видеть.") == ["D 1> 1MBA"]
    assert _friendliness("Я была счастлива, что брат вернулся.") == ["D 1> 1MBA"]
    assert _friendliness("Я гордилась сыном.") == ["D 1> 1MAA"]


def test_gladness_aimed_at_no_one_or_someone_elses_is_no_interaction() -> None:
    assert _friendliness("Приехал брат. Я была рада.") == []
    assert _friendliness("Мой парень любовался ею.") == []


def test_gladness_acted_on_is_coded_as_the_act_only() -> None:
    text = "Пришла подруга. Я очень обрадовалась ей и поздоровалась с ней."
    assert _friendliness(text) == ["D 2> 1FKA"]


def test_a_deed_done_for_someone_is_help_and_a_thing_bought_a_gift() -> None:
    assert _friendliness("Мама приготовила для меня ужин.") == ["1FMA 4> D"]
    assert _friendliness("Пришёл отец. Он налил мне чаю.") == ["1MFA 4> D"]
    assert _friendliness("Отец купил для меня платье.") == ["1MFA 3> D"]
    assert _friendliness("Отец сделал мне больно.") == []


def test_a_call_without_an_occasion_is_no_invitation() -> None:
    assert _friendliness("Пришёл муж. Я позвала мужа на помощь.") == []
    assert _friendliness("Пришла бабушка. Она позвала меня обедать.") == ["1FRA 5> D"]


def test_pride_in_someone_whatever_case_pymorphy_reads() -> None:
    assert _friendliness("Приехал друг. Я гордилась им.") == ["D 1> 1MKA"]


def test_kind_words_and_praise_are_verbal_friendliness() -> None:
    text = "Мне приснилась начальница. Она сказала, что я лучший сотрудник."
    assert _friendliness(text) == ["1FOA 2> D"]
    assert _friendliness("Пришла мама. Она ласково сказала мне: «Спи».") == ["1FMA 2> D"]
    assert _friendliness("Пришла мама. Она сказала, что это лучший ресторан.") == []


def test_pity_for_someone_is_covert_friendliness() -> None:
    assert _friendliness("Пришёл брат. Мне было жалко его.") == ["D 1> 1MBA"]
    assert _friendliness("Мне было жаль, что лето кончилось.") == []


def test_a_call_for_help_said_a_few_words_on_is_no_invitation() -> None:
    text = "Я сказала брату, чтобы он позвал маму с огорода на помощь."
    assert code_dream_ru(text).card()["friendliness"] == []
