"""Dream mood from crafted HVdC codings, and the text fallback for unsupported reports."""

from __future__ import annotations

import pytest

from core.analysis.hvdc.types import Code, Coding
from core.analysis.mood import dream_mood, mood_from_coding, mood_from_text
from core.analysis.symbols import find_symbols


def _coding(*codes: tuple[str, str], supported: bool = True) -> Coding:
    return Coding(codes=[Code(cat, code) for cat, code in codes], supported=supported)


@pytest.mark.parametrize(
    ("emotions", "mood"),
    [
        ((), "neutral"),
        (("HA, D",), "positive"),
        (("AP, D",), "negative"),
        (("AN, 1MKA", "SD, D", "CO, D"), "negative"),
        (("HA, D", "AP, D"), "mixed"),
        (("HA, D", "HA, D + 1FKA", "AP, D"), "positive"),
        (("HA, D", "AP, D", "SD, D"), "negative"),
    ],
)
def test_mood_follows_the_balance_of_coded_emotions(emotions: tuple[str, ...], mood: str) -> None:
    assert mood_from_coding(_coding(*(("emotions", e) for e in emotions))) == mood


def test_without_emotions_events_decide_the_mood() -> None:
    assert mood_from_coding(_coding(("success", "SU, D"))) == "positive"
    assert mood_from_coding(_coding(("misfortune", "M5, D"), ("failure", "FL, D"))) == "negative"
    assert (
        mood_from_coding(_coding(("success", "SU, D"), ("aggression", "2MSA 5> 1MBA"))) == "mixed"
    )
    assert mood_from_coding(_coding(("friendliness", "D 4> 1FKA"))) == "positive"


def test_unsupported_coding_is_neutral_but_the_text_fallback_reads_russian() -> None:
    unsupported = _coding(supported=False)
    text = "Мне было очень страшно, я плакала."
    assert mood_from_coding(unsupported) == "neutral"
    assert dream_mood(unsupported, text) == "negative"


def test_negated_emotion_word_does_not_count() -> None:
    assert mood_from_text("I wasn't afraid at all.") == "neutral"
    assert mood_from_text("Я не боялась, мне было радостно и весело.") == "positive"


def test_symbols_colour_the_mood_only_when_no_emotion_word_is_found() -> None:
    text = "There was a funeral, then a ghost in the hallway."
    assert mood_from_text(text, find_symbols(text, "en")) == "negative"
    assert (
        mood_from_text("A rainbow over a wedding.", find_symbols("A rainbow.", "en")) == "positive"
    )


def test_coding_with_emotions_wins_over_the_text() -> None:
    coding = _coding(("emotions", "HA, D"))
    assert dream_mood(coding, "I was terrified.") == "positive"
