"""A bracketed aside between a subject and its verb does not make its own ``I`` the doer;
a visit is a coming to see someone, not any ``come to see``; a doctor's examination is no
help (HVdC does not code routine occupational services as friendliness)."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("friendliness")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject stands before the aside
        ("A wonderful man (the boy I am engaged to) kept coming to see me.", ["1MSA 5> D"]),
        ("My friend (the girl I room with) asked me to the party.", ["1FKA 5> D"]),
        ("My friend (m, 23) came in to see me.", ["1MKA 5> D"]),
        # a coming to see what happens is no visit; nor is one to see the visitor himself
        ("The police came to see what was going on.", []),
        ("We came to the party. The girl whom we came to see was not there.", []),
    ],
)
def test_asides_and_visits(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a doctor's examination is a routine occupational service, not coded as help
        "The doctor examined me very quickly.",
        "My sister was examining the fish in the fountain.",
    ],
)
def test_examinations_are_no_help(parser: SentenceParser, text: str) -> None:
    assert codes(text, parser) == []
