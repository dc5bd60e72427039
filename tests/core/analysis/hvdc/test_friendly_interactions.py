"""Friendliness read from the parse, marriages coded on the couple, covert warmth, and acts
whose sentence does not name the dreamer."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import NO_PARSER, SentenceParser


def codes(text: str, category: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of(category)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one who marries and an unnamed partner: not an act on the dreamer nearby
        ("I sat with my friends. One of the girls became engaged.", ["1FKA 7= Q"]),
        ("My sister and I went out. We got married.", ["D 7= 1FTA"]),
        ("My boyfriend and I got married.", ["D 7= 1MKA"]),  # "X and I" the parse split
        ("My sister was engaged to a boy.", ["1FTA 7= 1MKA"]),
        # one marriage per couple however often it is told
        ("My boyfriend and I got married. It was a small wedding and we were married.", []),
        ("I wasn't married.", []),
        ("A mock wedding was going on.", []),  # a wedding of no one named
        ("I hoped that I could get married.", []),  # only wished
    ],
)
def test_a_marriage_is_coded_once_on_the_couple(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    found = codes(text, "friendliness", parser)
    if "small wedding" in text:
        assert found == ["D 7= 1MKA"]
    else:
        assert found == expected


def test_a_marriage_without_the_parser_still_finds_the_couple() -> None:
    assert codes("My boyfriend and I were married.", "friendliness", NO_PARSER) == ["D 7= 1MKA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We went into a lobby to buy some theater tickets.", []),  # a thing bought, no gift
        ("I found a nickel and gave it to the man.", ["D 3> 1MSA"]),  # "it" is the nickel
        ("My father got off the train and I was very pleased to see him.", ["D 1> 1MFA"]),
        ("My sister came in. I was happy.", []),  # gladness aimed at no one
    ],
)
def test_friendly_acts_are_read_from_the_parse(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I screamed. The man yelled at me.", ["1MSA 2> D"]),  # a cry of fright is no attack
        ("She told me to sit down.", []),  # an instruction is no aggression
    ],
)
def test_cries_and_instructions_are_no_verbal_aggression(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "aggression", parser) == expected


def test_an_unclear_act_whose_sentence_does_not_name_the_dreamer_is_not_aimed_at_her(
    parser: SentenceParser,
) -> None:
    """``him`` can only be the uncle here, so the parse cannot say whom he hit; the fallback
    codes the act on the sentence's character and an unknown other (``Q``), never on the
    dreamer, whom the sentence does not name (``my uncle`` is his, not her)."""
    text = "I waited in the hall. Later my uncle hit him."
    assert codes(text, "aggression", parser) == ["1MRA 7> Q"]
