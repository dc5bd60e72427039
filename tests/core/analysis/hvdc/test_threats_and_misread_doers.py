"""A threat said is aggression 4 (``they told me they would lock me in my closet``), from the
speaker to the one threatened; an intent that is negated or someone else's is none.  And an
act whose parse gives the dreamer as both doer and object (``they ask me why I am walking
and scold me``) is the last other character's."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("aggression")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My parents came in. They told me that they would lock me in my closet.", ["2JXA 4> D"]),
        ('My brother came in. He yelled, "I will kill you!"', ["1MBA 4> D"]),
        ("My brother came in. He said he was going to kill Chuck.", ["1MBA 4> 1MKA"]),
        # not threats: a negated intent, someone else's harm (a warning)
        ("My brother came in. He said he would not hurt me.", []),
        ("My brother came in. He said that the dog would bite me.", []),
        ("My brother came in. He said they were going to kill me.", []),
    ],
)
def test_spoken_threats(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My parents came. They ask me why I am walking and scold me.", ["2JXA 2> D"]),
        ("My parents came. They asked me where I had been and slapped me.", ["2JXA 7> D"]),
        ("I hit myself.", []),
    ],
)
def test_dreamer_cannot_be_her_own_object(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, parser) == expected
