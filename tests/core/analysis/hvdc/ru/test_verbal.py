"""Russian verbal hostility told with a plain verb of speech (HVdC aggression 2)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _aggression(text: str) -> list[str]:
    return code_dream_ru(text).card()["aggression"]


def test_speech_in_a_hostile_manner_is_verbal_hostility() -> None:
    assert _aggression("Пришла мама. Она грубо сказала мне, что я опоздала.") == ["1FMA 2> D"]


def test_a_hostile_manner_told_by_a_noun_after_s() -> None:
    assert _aggression("Сестра ответила мне со злостью.") == ["1FTA 2> D"]


def test_words_that_drive_the_dreamer_off_are_hostile() -> None:
    assert _aggression("— Убирайся вон! — крикнула мне соседка.") == ["1FKA 2> D"]


def test_the_dreamers_anger_voiced_as_shouting_is_aimed_at_its_target() -> None:
    assert "D 2> 1MBA" in _aggression("Я так разозлилась на брата, что начала кричать.")


def test_plain_speech_is_no_hostility() -> None:
    assert _aggression("Пришла мама. Она сказала мне, что я опоздала.") == []
    assert _aggression("Пришла мама. Она не грубо сказала мне это.") == []


def test_a_demand_to_stop_or_go_away_is_hostile() -> None:
    assert _aggression("Пришла свекровь. Я сказала ей, чтобы прекратила.") == ["D 2> 1FRA"]
    text = "Пришёл мой парень. Он махнул рукой, чтобы я уходила."
    assert _aggression(text) == ["1MKA 2> D"]


def test_speech_only_feared_or_wished_is_not_said() -> None:
    assert _aggression("Пришли дети. Я боялась сказать им, чтобы отошли.") == []


def test_everyone_laughing_after_the_dreamers_doing_ridicules_her() -> None:
    text = "Я упала со сцены. Все начали смеяться."
    assert [c.split()[1:] for c in _aggression(text)] == [["2>", "D"]]
    assert _aggression("Мы сидели на кухне. Он что-то рассказывает и смеётся.") == []


def test_a_manner_belongs_to_its_own_verb() -> None:
    assert _aggression("Пришёл брат. Он резко повернулся и сказал мне, что пора.") == []
    assert _aggression("Пришёл брат. Он резко сказал мне, что пора.") == ["1MBA 2> D"]
