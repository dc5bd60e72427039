"""Excerpts are short, readable, and never cut personal data in half."""

from __future__ import annotations

from core.excerpts import excerpt


def test_short_text_is_kept_whole_with_whitespace_flattened() -> None:
    assert excerpt("I  was\nflying.", 40) == "I was flying."


def test_a_cut_prefers_a_sentence_end() -> None:
    text = (
        "I was in a big old house with many rooms. Then the lights went out and everything shook."
    )
    assert excerpt(text, 60) == "I was in a big old house with many rooms. …"


def test_a_cut_never_ends_inside_a_phone_number() -> None:
    text = "In the dream he wrote his number down for me, call +1 (555) 123-4567 tomorrow at noon"
    short = excerpt(text, 60)
    assert len(short) <= 60 and short.endswith("…")
    assert not any(ch.isdigit() for ch in short)
