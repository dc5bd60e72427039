"""The characters of a dream: who appears, coded once each, and which words refer to whom.

HVdC codes every person, animal or creature mentioned in a report once per dream, never the
dreamer.  Later codes (interactions, emotions, misfortunes) name their participants, so the
cast also maps each referring word (noun, name, pronoun) to a character or to the dreamer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DREAMER = -1


@dataclass(slots=True)
class Character:
    """One coded character; ``sex`` ``?`` is settled by a later pronoun or name."""

    cid: int
    number: str
    sex: str
    identity: str
    age: str
    key: str
    token: int
    name: str = ""
    plural_noun: bool = False

    @property
    def code(self) -> str:
        """The character in DreamBank notation, e.g. ``1MKA`` or ``2ANI``."""
        if self.sex == "A" and self.identity == "N":
            return f"{self.number}ANI"
        if self.identity == "Z":
            return f"{self.number}CZZ"
        sex = "I" if self.sex == "?" else self.sex
        return f"{self.number}{sex}{self.identity}{self.age}"

    @property
    def is_animal(self) -> bool:
        return self.identity in ("N", "Z")

    @property
    def plural(self) -> bool:
        return self.number != "1"


@dataclass(slots=True)
class Cast:
    """Characters in order of first mention and token index -> referent (cid or DREAMER).

    ``we`` tokens map to DREAMER; ``companions`` remembers who "we" grouped with, so that
    shared emotions and misfortunes can name them.
    """

    characters: list[Character] = field(default_factory=list)
    refs: dict[int, int] = field(default_factory=dict)
    we_tokens: set[int] = field(default_factory=set)

    def code_of(self, ref: int) -> str:
        """The DreamBank label of a referent: ``D`` for the dreamer, else the character code."""
        if ref == DREAMER:
            return "D"
        return self.characters[ref].code


def parse_code(code: str) -> tuple[str, str, str, str]:
    """Split a lexicon code like ``1FM*`` into number, sex, identity, age."""
    if code.endswith("ANI"):
        return code[0], "A", "N", "I"
    if code.endswith("CZZ"):
        return code[0], "C", "Z", "Z"
    return code[0], code[1], code[2], code[3]


def age_class(years: int) -> str:
    """HVdC age letter for a stated age in years."""
    if years <= 1:
        return "B"
    if years <= 12:
        return "C"
    if years <= 17:
        return "T"
    return "A"


_NOT_AGE_AFTER = frozenset({"older", "younger", "ago", "later", "earlier", "before", "apart"})


def number_is_no_age(before: str, after: list[str]) -> bool:
    """``4 years older than me``, ``known for about 3 years``, ``a composite of 2 boys``: a
    number that tells a difference, a duration or a count, not someone's age."""
    if after[:1] in (["years"], ["year"], ["yrs"]):
        return (len(after) > 1 and after[1] in _NOT_AGE_AFTER) or before == "for"
    return bool(after) and after[0].isalpha() and after[0].endswith("s")
