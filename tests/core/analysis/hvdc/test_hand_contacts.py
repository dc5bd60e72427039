"""Holding someone's hand, holding hands, a hand laid on someone's shoulder: friendliness 6;
a handshake: friendliness 2."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # someone else's hand taken or held: its owner receives the act
        ("My boyfriend came in and took my hand.", ["1MKA 6> D"]),
        ("My boyfriend was still holding my hand.", ["1MKA 6> D"]),
        # hands held together: mutual, the dreamer first
        ("My boyfriend was holding hands with a woman.", ["1MKA 6= 1FSA"]),
        ("My boyfriend and I held hands.", ["D 6= 1MKA"]),
        # a hand laid on someone's shoulder
        ("An old lady placed her hand on my sister's shoulder.", ["1FSA 6> 1FTA"]),
        # one's own hand, a hand of cards, a hand on the chest, negated or wished: none
        ("My brother took his hand out of his pocket.", []),
        ("My brother took the hand.", []),
        ("My sister put her hands on my brother's chest.", []),
        ("My boyfriend did not take my hand.", []),
        ("I wanted to hold my boyfriend's hand.", []),
        # a handshake is a greeting: friendliness 2, mutual when hands are shaken together
        ("I shook hands with my father.", ["D 2= 1MFA"]),
        ("My father and I shook hands.", ["D 2= 1MFA"]),
        ("My father shook my hand.", ["1MFA 2> D"]),
        ("My father shook his head.", []),
    ],
)
def test_hand_contacts(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
