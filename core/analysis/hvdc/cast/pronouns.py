"""Pronouns and unstated sexes: which character ``he``, ``she``, ``they`` and ``it`` mean."""

from __future__ import annotations

import itertools

from ..text import Token
from . import words as W
from .model import DREAMER, Cast, Character
from .state import CastState, is_third_person, recent


def _means_dreamer(st: CastState, i: int, w: str) -> bool:
    """In "Subject dreamed she was..." reports the subject and ``she`` are the dreamer,
    unless another woman was just named."""
    if w.removesuffix("'s") in {"subject", "dreamer"}:
        return True
    if w not in W.FEMALE:
        return False
    other = recent(st, i, lambda c: c.sex == "F" and not c.plural)
    return other is None or i - st.cast.characters[other].token > 8


def handle_pronoun(st: CastState, i: int, w: str) -> bool:
    if st.third_person and _means_dreamer(st, i, w):
        st.cast.refs[i] = DREAMER
        return True
    if w in W.DREAMER_WORDS or w in W.WE_WORDS:
        st.cast.refs[i] = DREAMER
        if w in W.WE_WORDS:
            st.cast.we_tokens.add(i)
        return True
    if w in W.MALE or w in W.FEMALE:
        sex = "M" if w in W.MALE else "F"
        told = st.pronoun_sexes
        cid = recent(
            st,
            i,
            lambda c: (
                not c.plural and not c.is_animal and (c.sex in (sex, "?", "I") or c.cid in told)
            ),
        )
        if cid is not None:
            _count_sex(st, cid, sex)
            st.cast.refs[i] = cid
        return True
    if w in W.PLURAL:
        cid = recent(st, i, lambda c: c.plural)
        if cid is not None:
            st.cast.refs[i] = cid
        return True
    if w == "it":
        cid = recent(st, i, lambda c: c.is_animal and not c.plural)
        if cid is not None and i - st.cast.characters[cid].token < 60:
            st.cast.refs[i] = cid
        return True
    return False


def _count_sex(st: CastState, cid: int, sex: str) -> None:
    """``a friend ... he`` (the rat) ``... she ... her ... she``: a sex that only pronouns tell
    is the one most of them tell (the first on a tie)."""
    char = st.cast.characters[cid]
    if char.sex not in "?I" and cid not in st.pronoun_sexes:
        return
    votes = st.pronoun_sexes.setdefault(cid, [0, 0])
    votes[sex == "F"] += 1
    if votes[0] != votes[1]:
        char.sex = "M" if votes[0] > votes[1] else "F"
    elif char.sex in "?I":
        char.sex = sex


def _peer_group(st: CastState, char: Character) -> bool:
    return st.toks[char.token].low in _PEER_GROUPS


def default_sexes(st: CastState) -> None:
    """Friends of unstated sex take the dreamer's sex when the report reveals it: dreamers'
    friends are mostly of their own sex (Hall & Van de Castle's norms)."""
    _owners_peers(st)
    dreamer = _dreamer_sex(st.cast, st.toks)
    for char in st.cast.characters:
        if char.sex == "?" and st.toks[char.token].low.removesuffix("'s") in {"date", "dates"}:
            char.sex = "F" if dreamer == "M" else "M"  # a date: the other sex than the dreamer
    if dreamer is None:
        return
    for char in st.cast.characters:
        if char.sex == "?" and char.identity == "K" and char.number == "1":
            char.sex = dreamer
        elif char.sex == "J" and char.identity == "K" and _peer_group(st, char):
            char.sex = dreamer  # "my friends", "my classmates": the dreamer's own sex


def _owners_peers(st: CastState) -> None:
    """``his friends``, ``her roommates``: a group of peers shares its owner's sex."""
    for char in st.cast.characters:
        if char.sex != "J" or not _peer_group(st, char) or char.token == 0:
            continue
        owner = st.toks[char.token - 1].low
        if owner in {"his", "her"}:
            char.sex = "M" if owner == "his" else "F"


_PEER_GROUPS = frozenset({"friends", "classmates", "roommates"})

#: College houses that take only men or only women: a member's sex.
_HOUSES = {"fraternity": "M", "frat": "M", "sorority": "F"}

_PARTNER_SEX = {
    "boyfriend": "F",
    "husband": "F",
    "fiance": "F",
    "wife": "M",
    "fiancee": "M",
    "date": "F",
}


def _dreamer_sex(cast: Cast, toks: list[Token]) -> str | None:
    """The dreamer's sex as told by ``my husband`` / ``my wife``, else None."""
    for char in cast.characters:
        word = toks[char.token].low.removesuffix("'s")
        if word == "date" and char.sex in "MF":
            return "F" if char.sex == "M" else "M"  # "my date ... she": a man's date
        if word in _PARTNER_SEX and word != "date":
            return _PARTNER_SEX[word]
    for a, b in itertools.pairwise(toks):
        if a.low in {"my", "our"} and b.low in _HOUSES:
            return _HOUSES[b.low]  # "my fraternity", "our sorority"
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
