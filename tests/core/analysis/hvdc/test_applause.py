"""Applause is gestural friendliness (F2) aimed at the one who has just performed."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object applauded, or the last one named before the clappers
        ("I sang. The audience applauded me.", ["2JSA 2> D"]),
        ("I sang a song. The people applauded.", ["2JSA 2> D"]),
        ("My sister sang. My friends and I applauded.", ["D 2> 1FTA"]),
        ("My sister danced. My mother clapped for her.", ["1FMA 2> 1FTA"]),
        # a rhythm clapped out, an adjective, a negated applause: none
        ("My sister sang. I was clapping out the rhythm.", []),
        ("My sister sang to her applauding friends.", []),
        ("My sister sang. The people did not applaud.", []),
    ],
)
def test_applause(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
