"""Saying no to a request is rejection (aggression 3): a character's ``no`` to the dreamer in
the scene, the dreamer's ``no`` to the last other character named; a ``no`` that answers a
question is none.  Also: harm by accident is no aggression, and a report that ends
mid-phrase codes without an error."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("aggression")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I asked my aunt for the suitcase, but she said no.", ["1FRA 3> D"]),
        ("I asked my husband for the car, but he said no.", ["1MHA 3> D"]),
        # a no that answers a question refuses nothing
        ("I asked my aunt if she was tired. She said no.", []),
        ('My brother asked me to come. I said, "No, thank you."', ["D 3> 1MBA"]),
        # a phrase that starts with no, a no not said, no one to say it to
        ("I asked my aunt, and she said no one knew.", []),
        ("I asked my aunt, and she did not say no.", []),
        ("I said no.", []),
    ],
)
def test_spoken_refusals(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # killed or injured in an accident: a misfortune, no one's aggression
        ("My brother was killed in an automobile crash.", []),
        ("My dog had been killed by a car.", []),
        ("My brother was killed by a burglar.", ["1MSA 8> 1MBA"]),
    ],
)
def test_accidents(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    "text",
    ["I asked my aunt to", "She said no", "My brother asked me out. I said", "He was killed in"],
)
def test_report_ending_mid_phrase(parser: SentenceParser, text: str) -> None:
    code_dream(text, parser=parser)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare laugh answering the dreamer's request refuses it
        ("When I asked my sister to help me, she laughed.", ["1FTA 3> D"]),
        ("I asked my sister to help me. She just laughed.", ["1FTA 3> D"]),
        # a laugh with no request before it, or the dreamer's own: none
        ("My sister laughed.", []),
        ("My sister asked me to help her. I laughed.", []),
    ],
)
def test_laughed_off(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected
