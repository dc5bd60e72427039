"""Person words that name no one met in a Russian dream (``ru/unmet.py``)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_a_graded_adjective_is_no_acquaintance() -> None:
    assert _chars("Я вышла из комнаты и перешла в другую, очень знакомую.") == []


def test_an_acquaintance_before_her_noun_is_still_a_person() -> None:
    assert _chars("Там стояла моя знакомая.") == ["1FKA"]


def test_what_the_dreamer_is_is_no_one_else() -> None:
    assert _chars("Снилось, что я опять девочка, и мы с мамой печём пироги.") == ["1FMA"]


def test_anyone_who_might_is_no_one_met() -> None:
    assert _chars("В стене дыры, и кто-нибудь может туда проскользнуть.") == []


def test_someone_who_asks_each_time_is_someone() -> None:
    assert _chars("Каждый раз, когда кто-нибудь меня просил, я искала.") == ["1IUA"]
