"""Attempt outcomes read from the parse (``fortune/attempts.py``): HVdC codes success and
failure where a character deliberately tries and the report tells how the attempt ended."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import NO_PARSER, SentenceParser


def outcomes(text: str, parser: SentenceParser) -> list[str]:
    card = code_dream(text, parser=parser).card()
    return card["success"] + card["failure"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # clauses the word lists do not hold: an inability to recall after trying to recall
        ("I tried to remember the names, but couldn't recall them.", ["FL, D"]),
        ("I tried to raise myself up and I did.", ["SU, D"]),
        ("I tried to climb the wall and finally got over it.", ["SU, D"]),
        # the parse's subject of the attempt is the striver, not the nearest name
        ("A man tried to shoot me, but he couldn't see me.", ["FL, 1MSA"]),
    ],
)
def test_the_clause_joined_to_an_attempt_is_its_outcome(
    parser: SentenceParser, text: str, codes: list[str]
) -> None:
    assert outcomes(text, parser) == codes


@pytest.mark.parametrize(
    "text",
    [
        "I tried to warn my parents, but they would not believe me.",  # their refusal
        "I tried hard to please him, but I didn't want to marry him.",  # a wish, no deed
        "I tried to keep up with them, but I don't remember much more.",  # narrator's aside
        "I told my wife to try and come, but I didn't know if she came.",  # a request
        "I would try to call her, but the phone did not work.",  # a plan
    ],
)
def test_refusals_wishes_asides_requests_and_plans_are_no_outcome(
    parser: SentenceParser, text: str
) -> None:
    assert outcomes(text, parser) == []


def test_without_the_parser_the_words_alone_still_code_the_listed_outcomes() -> None:
    assert outcomes("My brother tried to lift the box but he could not.", NO_PARSER) == ["FL, 1MBA"]
    assert outcomes("I tried to raise myself up and I did.", NO_PARSER) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("I pressed the brake but I couldn't stop the truck.", ["FL, D"]),
        ("My brother pulled the rope but he couldn't lift the bucket.", ["FL, 1MBA"]),
        # no deed of the same character's: a perception, someone else's act, a scene
        ("I looked out of the window but couldn't see anything.", []),
        ("She pulled at the door but I couldn't help her.", []),
        ("I went to the party but couldn't remember anyone.", []),
        ("A girl was brought to tempt me, but couldn't.", []),
    ],
)
def test_an_inability_joined_to_the_characters_own_deed_is_a_failed_effort(
    parser: SentenceParser, text: str, codes: list[str]
) -> None:
    card = code_dream(text, parser=parser).card()
    assert card["failure"] == codes
