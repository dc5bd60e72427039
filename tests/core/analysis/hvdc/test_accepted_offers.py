"""Taking up an invitation or offer is its reciprocation (``D 5R X``); an invitation to an
event (``asked him to a dance``) is an invitation like one to come along."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event as what one is asked to
        ("My sister asked my brother to a dance.", ["1FTA 5> 1MBA"]),
        ("My brother asked me to the party.", ["1MBA 5> D"]),
        ("My brother asked me to the store.", []),
        # the one asked accepts: a reciprocation at the offer's level
        ("My brother asked me out. I accepted.", ["1MBA 5> D", "D 5R 1MBA"]),
        ("My brother asked me out, and I said okay.", ["1MBA 5> D", "D 5R 1MBA"]),
        ("My brother asked me out. I said yes.", ["1MBA 5> D", "D 5R 1MBA"]),
        # declined, or accepted with no offer before it: nothing more
        ("My brother asked me out. I did not accept.", ["1MBA 5> D"]),
        ("I accepted the news.", []),
        # the one who offered cannot accept his own offer
        ("My brother asked me out. He said yes.", ["1MBA 5> D"]),
    ],
)
def test_accepted_offers(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yes to the dreamer's request: a kindness granted (a loan)
        ("I asked my sister if she would lend me her scarf. She said yes.", ["1FTA 3> D"]),
        # a yes to a question, to a request not made, or the dreamer's own yes: none
        ("I wondered if my sister had a scarf. She said yes.", []),
        ("I asked my sister if she had a scarf. She said yes.", []),
        ("My sister didn't ask me anything. She said yes.", []),
        ("My sister asked me for my scarf. I said yes.", []),
    ],
)
def test_granted_requests(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
