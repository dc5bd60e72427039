"""A date told as happening is the couple's mutual friendliness 5 (``D 5= X``); a proposal
is the asker's act on the one asked (``X 7> D``), not yet the couple's marriage."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # out on a date: the couple, the dreamer first
        ("Chuck and I had been out on a date.", ["D 5= 1MKA"]),
        ("My boyfriend came. We were out on a date.", ["D 5= 1MKA"]),
        ("I went on a date with my boyfriend.", ["D 5= 1MKA"]),
        ("My sister was out on a date with her boyfriend.", ["1FTA 5= 1MKA"]),
        # only wished, negated, or a date had: no code here
        ("I wanted to go on a date with my boyfriend.", []),
        ("I never went on a date with my boyfriend.", []),
        ("My boyfriend and I had a date.", []),
    ],
)
def test_dates(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked to marry: from the one who asks to the one asked
        ("My boyfriend was there. He asked me to marry him.", ["1MKA 7> D"]),
        ("My boyfriend begged me to marry him.", ["1MKA 7> D"]),
        ("I asked my boyfriend to marry me.", ["D 7> 1MKA"]),
        ("My boyfriend didn't ask me to marry him.", []),
        # a spoken "marry me": the speaker to the one told, or to the dreamer
        ("A man came over, grabbed my arm and said, marry me.", ["1MSA 7> D"]),
        ("I said to my boyfriend, marry me.", ["D 7> 1MKA"]),
        # a marriage is still the couple's
        ("My boyfriend and I were married.", ["D 7= 1MKA"]),
    ],
)
def test_proposals(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
