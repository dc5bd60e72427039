"""A hostile feeling shown ``with`` a look is the looker's, aimed at the one looked at
(``she looked at me with disdain`` is hers, not the dreamer's); a hostile feeling whose
object is a thing (``I hate fire escapes``) is no interaction."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("aggression")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My teacher came in. She looked at me with disdain.", ["1FKA 3> D"]),
        ("My teacher came in. She could do nothing but look at me with disdain.", ["1FKA 3> D"]),
        ("My teacher came in. I treated her with contempt.", ["D 3> 1FKA"]),
    ],
)
def test_feeling_shown_with_a_look(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My sister came. I hate fire escapes.", []),
        ("My sister came. I disliked the thought of giving him something.", []),
        # a person, or an object that stands before the feeling
        ("My sister came. I hate her.", ["D 1> 1FTA"]),
        ("My sister came, whom I dislike.", ["D 1> 1FTA"]),
        ("My sister came. I dislike them intensely.", ["D 1> 1FTA"]),
    ],
)
def test_feeling_at_a_thing(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, parser) == expected


def test_a_weapon_with_is_no_feeling_shown(parser: SentenceParser) -> None:
    """``came in with a whip``: ``with`` a weapon, not a feeling; the whipping is hers."""
    text = "Then my mother came in with a whip and she gave me a whipping."
    assert codes(text, parser) == ["1FMA 7> D"]


def test_a_feeling_noun_is_no_feeling_at_a_thing(parser: SentenceParser) -> None:
    text = "I have a strong feeling of dislike for the boy who came over."
    assert codes(text, parser) == ["D 1> 1MKA"]
