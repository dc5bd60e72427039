"""Aggression read from the parse: the act's own subject and object, negation and its frame."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import Arc, SentenceParser, parse_sentences
from core.analysis.hvdc.text import segment


def aggression(text: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of("aggression")]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The man chased me and I hit him with a stick.", ["1MSA 6> D", "D 7R 1MSA"]),
        ("I was chased by a big dog.", ["1ANI 6> D"]),
        ("I dreamed that a man came and stabbed my sister.", ["1MSA 7> 1FTA"]),
        ("The man who attacked me ran away.", ["1MSA 7> D"]),
        ("I was pushed down the stairs.", ["Q 7> D"]),  # the coders' Q: an unnamed initiator
        ("Someone attacked me.", ["1IUA 7> D"]),
    ],
)
def test_acts_are_coded_from_their_own_subject_and_object(
    parser: SentenceParser, text: str, codes: list[str]
) -> None:
    assert aggression(text, parser) == codes


@pytest.mark.parametrize(
    "text",
    [
        "I didn't hit him. He was there.",
        "I was afraid the stranger would shoot me.",  # a fear, not an event of the dream
        "The ball hit me and my brother laughed.",  # a thing is no aggressor
    ],
)
def test_negated_feared_agentless_and_thing_acts_are_not_aggression(
    parser: SentenceParser, text: str
) -> None:
    assert aggression(text, parser) == []


class _FixedParser:
    """Answers one hand-made parse: ``I didn't hit him .`` as spaCy tokenizes it."""

    def parse(self, texts: list[str]) -> list[list[Arc]]:
        # I(0) did(1) n't(2) hit(3) him(4) .(5)
        arcs = [
            Arc(0, 1, "nsubj", 3),
            Arc(2, 5, "aux", 3),
            Arc(5, 8, "neg", 3),
            Arc(9, 12, "ROOT", 3),
            Arc(13, 16, "dobj", 3),
            Arc(16, 17, "punct", 3),
        ]
        return [arcs for _ in texts]


def test_a_contraction_split_by_the_parser_negates_the_verb_it_belongs_to() -> None:
    doc = segment("I didn't hit him.")
    parse = parse_sentences(doc, [0], _FixedParser())
    words = {t.low: t.index for t in doc.tokens}
    assert parse.dep(words["didn't"]) == "aux"
    assert parse.kids(words["hit"], "neg") == [words["didn't"]]
    assert parse.kids(words["hit"], "dobj") == [words["him"]]
    assert aggression("I didn't hit him.", _FixedParser()) == []


def test_an_object_pronoun_is_someone_other_than_the_subject(parser: SentenceParser) -> None:
    """``her`` after ``the woman hit`` is not the woman herself (HVdC codes one character
    acting on another), even when coreference took them for one."""
    text = "My sister stood by the door. A gypsy came and hit her on the head."
    assert aggression(text, parser) == ["1FEA 7> 1FTA"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("My brother was late and I was very angry at him.", ["D 1> 1MBA"]),
        ("I was angry that my sister had forgotten.", ["D 1> 1FTA"]),
    ],
)
def test_covert_hostility_needs_a_target(
    parser: SentenceParser, text: str, codes: list[str]
) -> None:
    assert aggression(text, parser) == codes
