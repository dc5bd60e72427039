"""Invitations and visits (friendliness 5) whatever verb asks, and kindness withheld
(rejection, aggression 3) by someone the words name only by a pronoun or not at all."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, category: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of(category)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked along to go, come or join in: an invitation
        ("I met a girl at the beach. She asked me to come to her cottage.", ["1FKA 5> D"]),
        ("My brother asked me out.", ["1MBA 5> D"]),
        ("My brother asked me out. Later my brother asked me out again.", ["1MBA 5> D"]),
        # a coming meant to see someone is a visit
        ("My brother came here to Cleveland to see me.", ["1MBA 5> D"]),
        # help asked for, a question, a request only planned: no invitation
        ("I asked my brother to help me.", []),
        ("I asked my brother why he was there.", []),
        ("I wanted to ask my brother to come.", []),
        ("My brother didn't ask me to dance.", []),
        # a kindness refused is no kindness
        ("My brother refused to help me.", []),
    ],
)
def test_invitations(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I met a woman. She wouldn't sell me a ticket.", ["1FSA 3> D"]),
        ("I was lost. No one would let me call home.", ["Q 3> D"]),
        ("I met some girls. They seemed unwilling to allow me in.", ["2FUA 3> D"]),
    ],
)
def test_withheld_kindness_is_rejection(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "aggression", parser) == expected
