"""Which acts count as aggression or friendliness, and how often: being followed, an act told
again, acts negated by ``without`` or only avoided, a participle's ``by``, a refused request,
favours, requests for help, aimed gestures, standing feelings."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, category: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of(category)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # being followed is being chased; following someone is going along
        ("We ran down the stairs, closely followed by the old man.", ["1MSA 6> D"]),
        ("I followed my sister into the kitchen.", []),
        # the same act of the same pair told again goes on: one code
        ("A man started to follow me. He continued to follow me.", ["1MSA 6> D"]),
        # a participle's "by" names the doer; its receiver is the clause's subject
        (
            "I dreamed that I was running up Antisdale Avenue pursued by a large black dog.",
            ["1ANI 6> D"],
        ),
        # negated by "without", or only avoided: no act
        ("A group of people walked upstairs without knocking.", []),
        ("I turned away to avoid hitting her.", []),
        # a request refused by a bare "wouldn't" is rejection; a fear that did not come true is not
        ("I screamed at my sister to come back, but she wouldn't.", ["D 2> 1FTA", "1FTA 3R D"]),
        ("I feared that the man would hurt us, but he would not.", []),
        # hurt told as a feeling is an emotion; hurt by someone is an act
        # (the call withheld is the sister's rejection, not the dreamer's hurt)
        ("I felt hurt that my sister did not call.", ["1FTA 3> D"]),
        ("I was hurt by my sister.", ["1FTA 7> D"]),
    ],
)
def test_aggressive_acts_and_their_count(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "aggression", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was making something to eat for the boy.", ["D 4> 1MKA"]),  # a favour is help
        ("It was impossible for me to go.", []),  # "for me to": no one is served
        ("I asked my sister to help me.", []),  # help asked for is not help given
        ("My sister smiled. She smiled at me.", ["1FTA 2> D"]),  # only the aimed smile
        ("He said he was in love with me.", []),  # a standing feeling, told
        # a thing bought or liked is no interaction; one bought for someone is a gift
        ("Then we went into a lobby to buy some theater tickets.", []),
        ("They were beautiful fur coats which I liked very much.", []),
        ("My mother bought a hat for my niece.", ["1FMA 3> 1FRA"]),
    ],
)
def test_friendly_acts(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the answer to an act is reciprocated (R): not the answerer's initiative
        ("My sister pushed me and I pushed her back.", ["1FTA 7> D", "D 7R 1FTA"]),
        ("I wasn't embarrassed.", []),  # negated on the copula
        ("I had a mad crush on my teacher.", []),  # "mad" intensifies, it is no anger
        ("I ran furiously toward my brother.", []),  # a manner, no anger at him
    ],
)
def test_answers_and_words_that_are_no_hostility(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "aggression", parser) == expected
