"""Russian rejection told without a hostile verb: leaving someone, ignoring them, refusing."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _aggression(text: str) -> list[str]:
    return code_dream_ru(text).card()["aggression"]


def test_leaving_without_someone_rejects_them() -> None:
    assert _aggression("Мои друзья уехали без меня.") == ["2JKA 3> D"]


def test_leaving_someone_is_rejection_but_running_from_them_is_flight() -> None:
    assert _aggression("Пришёл муж. Он ушёл от меня к другой.") == ["1MHA 3> D"]
    assert "1MHA 3> D" not in _aggression("Пришёл муж. Я убежала от него.")


def test_leaving_someone_alone_is_desertion() -> None:
    assert _aggression("Я просто ушла и оставила детей одних.") == ["D 3> 2JUC"]


def test_ignoring_someone_is_rejection() -> None:
    assert _aggression("Подруга прошла мимо меня, не поздоровавшись.") == ["1FKA 3> D"]
    assert _aggression("Пришёл кот. Он прошёл мимо меня и лёг.") == []
    assert _aggression("Я ехала дальше, не обращая внимания на брата.") == ["D 3> 1MBA"]
    assert _aggression("Пришла подруга. Она не смотрела на меня.") == ["1FKA 3> D"]


def test_no_longer_talking_to_someone_and_pretending_not_to_see_them() -> None:
    assert _aggression("Сестра перестала со мной разговаривать.") == ["1FTA 3> D"]
    assert _aggression("Пришла подруга. Она сделала вид, что не замечает меня.") == ["1FKA 3> D"]


def test_a_withheld_kindness_of_taking_or_calling() -> None:
    assert _aggression("Пришли друзья. Они не взяли меня с собой.") == ["2JKA 3> D"]
    assert _aggression("Пришёл брат. Он не позвонил мне.") == ["1MBA 3> D"]


def test_a_request_brushed_off_is_refused() -> None:
    text = "Я увидела сестру, и когда я попросила её помочь, она рассмеялась."
    assert _aggression(text) == ["1FTA 3> D"]


def test_a_call_for_help_not_answered_is_refused() -> None:
    text = "Пришла змея. Я захлопнула дверь и позвала мужа, но он не пришёл."
    assert "1MHA 3> D" in _aggression(text)


def test_pretending_not_to_hear_the_dreamer_ignores_her() -> None:
    text = "Пришла свекровь. Я сказала ей, чтобы прекратила, а она сделала вид, что не слышит."
    assert _aggression(text) == ["D 2> 1FRA", "1FRA 3R D"]


def test_unable_is_not_unwilling_and_going_home_is_no_desertion() -> None:
    assert _aggression("Пришёл папа. Я попросила папу помочь, но он не смог.") == []
    assert _aggression("Пришёл мальчик. Он ушёл от нас домой.") == []


def test_the_dreamers_own_withheld_kindness_toward_someone_named() -> None:
    assert _aggression("Пришёл брат. Я не пустила его в комнату.") == ["D 3> 1MBA"]
    assert _aggression("Пришёл брат. Я не ответила.") == []
    assert _aggression("Пришли звери. Я пыталась не дать им развалиться.") == []


def test_the_dreamer_not_talking_to_someone_rejects_them() -> None:
    assert _aggression("Пришла подруга. Я не разговаривала с ней весь вечер.") == ["D 3> 1FKA"]


def test_the_dreamer_refusing_a_request_rejects_the_one_who_asked() -> None:
    text = "Старик попросил у меня денег, но я ему отказала."
    assert code_dream_ru(text).card()["aggression"] == ["D 3> 1MSA"]
