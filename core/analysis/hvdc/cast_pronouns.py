"""Pronouns and unstated sexes: which character ``he``, ``she``, ``they`` and ``it`` mean."""

from __future__ import annotations

from collections.abc import Callable

from . import cast_words as W
from .cast import DREAMER, Cast, Character
from .text import Token


class PronounRules:
    """Mixin of :class:`CastBuilder` for pronouns; shares its state."""

    toks: list[Token]
    cast: Cast
    third_person: bool

    def _means_dreamer(self, i: int, w: str) -> bool:
        """In "Subject dreamed she was..." reports the subject and ``she`` are the dreamer,
        unless another woman was just named."""
        if w.removesuffix("'s") in {"subject", "dreamer"}:
            return True
        if w not in W.FEMALE:
            return False
        other = self._recent(i, lambda c: c.sex == "F" and not c.plural)
        return other is None or i - self.cast.characters[other].token > 8

    def _recent(self, i: int, want: Callable[[Character], bool]) -> int | None:
        for n, t in enumerate(reversed(self.cast.refs)):
            if n > 40:
                break
            cid = self.cast.refs[t]
            if t < i and cid != DREAMER and want(self.cast.characters[cid]):
                return cid
        return None

    def _handle_pronoun(self, i: int, w: str) -> bool:
        if self.third_person and self._means_dreamer(i, w):
            self.cast.refs[i] = DREAMER
            return True
        if w in W.DREAMER_WORDS or w in W.WE_WORDS:
            self.cast.refs[i] = DREAMER
            if w in W.WE_WORDS:
                self.cast.we_tokens.add(i)
            return True
        if w in W.MALE or w in W.FEMALE:
            sex = "M" if w in W.MALE else "F"
            cid = self._recent(
                i, lambda c: not c.plural and not c.is_animal and c.sex in (sex, "?", "I")
            )
            if cid is not None:
                if self.cast.characters[cid].sex in "?I":
                    self.cast.characters[cid].sex = sex
                self.cast.refs[i] = cid
            return True
        if w in W.PLURAL:
            cid = self._recent(i, lambda c: c.plural)
            if cid is not None:
                self.cast.refs[i] = cid
            return True
        if w == "it":
            cid = self._recent(i, lambda c: c.is_animal and not c.plural)
            if cid is not None and i - self.cast.characters[cid].token < 60:
                self.cast.refs[i] = cid
            return True
        return False

    def _peer_group(self, char: Character) -> bool:
        return self.toks[char.token].low in _PEER_GROUPS

    def _default_sexes(self) -> None:
        """Friends of unstated sex take the dreamer's sex when the report reveals it: dreamers'
        friends are mostly of their own sex (Hall & Van de Castle's norms)."""
        self._owners_peers()
        dreamer = _dreamer_sex(self.cast, self.toks)
        if dreamer is None:
            return
        for char in self.cast.characters:
            if char.sex == "?" and char.identity == "K" and char.number == "1":
                char.sex = dreamer
            elif char.sex == "J" and char.identity == "K" and self._peer_group(char):
                char.sex = dreamer  # "my friends", "my classmates": the dreamer's own sex

    def _owners_peers(self) -> None:
        """``his friends``, ``her roommates``: a group of peers shares its owner's sex."""
        for char in self.cast.characters:
            if char.sex != "J" or not self._peer_group(char) or char.token == 0:
                continue
            owner = self.toks[char.token - 1].low
            if owner in {"his", "her"}:
                char.sex = "M" if owner == "his" else "F"


_PEER_GROUPS = frozenset({"friends", "classmates", "roommates"})

_PARTNER_SEX = {
    "boyfriend": "F",
    "husband": "F",
    "fiance": "F",
    "wife": "M",
    "fiancee": "M",
    "date": "F",
}


def is_third_person(toks: list[Token]) -> bool:
    """Reports written down by an interviewer: "Subject dreamed she was..."."""
    head = [t.low for t in toks[:4]]
    return "subject" in head or "dreamer" in head


def _dreamer_sex(cast: Cast, toks: list[Token]) -> str | None:
    """The dreamer's sex as told by ``my husband`` / ``my wife``, else None."""
    for char in cast.characters:
        word = toks[char.token].low.removesuffix("'s")
        if word in _PARTNER_SEX:
            return _PARTNER_SEX[word]
    for n, tok in enumerate(toks[:-2]):
        if tok.low in {"i", "myself", "subject"} and toks[n + 1].low == "(":
            stated = toks[n + 2].low  # "I (f, 20)": the dreamer's own sex
            if stated in {"f", "m"}:
                return stated.upper()
    if is_third_person(toks):
        for tok in toks[:12]:
            if tok.low in {"she", "her", "he", "his"}:
                return "F" if tok.low in {"she", "her"} else "M"  # "Subject dreamed she..."
    return None
