"""A gift told from the receiver's side is still the giver's friendliness 3 (``Q 3> D`` when
no giver is named)."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I received a present from my father.", ["1MFA 3> D"]),
        ("I received a pink camelia.", ["Q 3> D"]),
        ("My father received flowers from my mother.", ["1FMA 3> 1MFA"]),
        ("My sister looked at the ring which she had just received.", ["Q 3> 1FTA"]),
        # no gift, or none received
        ("I received a letter from my father.", []),
        ("I did not receive any flowers.", []),
        ("I was expecting to receive flowers.", []),
    ],
)
def test_received_gifts(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a perfect tense is the giving itself, not a participle
        ("My parents had given us a lot of money.", ["2JXA 3> D"]),
        ("My father has given me a ring.", ["1MFA 3> D"]),
        ("I had given the costume much thought.", []),
        # a purchase for someone is a gift like buying
        ("My father had purchased a dress for me.", ["1MFA 3> D"]),
    ],
)
def test_gifts_given(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
