"""Aggression recall, session e: confinement and pursuit (HVdC 6), desertion and punishment
(3), and kindnesses withheld in any tense (``no one had waited for me``, 3) — and the
negated kindnesses that nobody withholds (a passive, a duty, a negation of an earlier
clause)."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("aggression")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # confinement and pursuit: attempted harm (6)
        # "confined" is most often to a hospital or a space: not coded
        ("My sister and I went to town. I was confined in a hospital.", []),
        ("My sister and I went to town. I was imprisoned.", ["Q 6> D"]),
        ("My sister and I went to town. We were tied up.", ["Q 6> D"]),
        ("My sister went to town. I knew someone was after me.", ["1IUA 6> D"]),
        ("My sister went to town. It was after midnight.", []),
        ("The police hunted down my brother.", ["2MOA 6> 1MBA"]),
        # desertion, punishment, shouting at someone
        ("My friend went downtown with me. My friend deserted me.", ["1IKA 3> D"]),
        ("My sister came home. The streets were deserted.", []),
        ("My aunt campused me.", ["1FRA 3> D"]),
        ("The clerk was very unsympathetic to me.", ["1IOA 3> D"]),
    ],
)
def test_captures_desertion_punishment(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a withheld kindness in any tense is rejection (3)
        ("I came to grandmother's house. No one had waited for me.", ["Q 3> D"]),
        ("My friend never answered me.", ["1IKA 3> D"]),
        # nobody withholds: a duty, a passive (the subject receives), an earlier clause's no
        ("My sister and I got on a bus. No one had to pay the fare.", []),
        ("My brother said he wouldn't be allowed to go into my room.", []),
        ("I called the store. The clerk said no, but gave me a list.", []),
    ],
)
def test_withheld_kindnesses(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbal and expressive aggression aimed at someone (2), a lie (3)
        ("We left, disturbing people who mumble at me.", ["2JSA 2> D"]),
        ("My sister came. The dog barked at me.", ["1ANI 2> D"]),
        ("My sister came in. I lied to her.", ["D 3> 1FTA"]),
        ("My sister came. I lied down.", []),
        # a reproach said is hostile speech
        ('My parents came over and said, "How could you marry someone else?"', ["2JXA 2> D"]),
        # "neither" is the withholder, not the subject of an earlier clause
        (
            "My mother came. I tried to convince her that I hadn't meant it, but neither"
            " would believe me.",
            ["1FMA 3> D"],
        ),
        ("I heard some shooting.", []),
    ],
)
def test_verbal_acts_lies_and_events(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, parser) == expected
