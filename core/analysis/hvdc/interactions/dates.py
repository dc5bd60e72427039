"""Dates: two people out on a date together is friendliness 5, mutual.

HVdC friendliness 5 covers dates and outings as well as the invitations to them
(:mod:`.invitations`), and the norms' coders code a date the dream tells as happening as a
mutual act of the couple, the dreamer first: ``Chuck and I had been out on a date`` →
``D 5= 1MKA``.  Read here: a form of be or go before ``(out) on a date``, with the partner
after ``with`` or beside the subject (``X and I``, ``we``).  ``I had a date with X`` is left
out: it as often only sets the scene (the dev set's coders coded 2 of 5, one of them as his
invitation); so are dates asked for (``asked me for a date``, the invitation's), negated or
supposed (``to go on a date``, ``would be on a date``).
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..text import Document, word_set
from ..types import Code
from .acts import not_done
from .asides import subject_past_aside
from .once import add_once
from .order import shared_partner

_GOING = word_set("be go")
_BEFORE_DATE = word_set("out on")
_DETERMINERS = word_set("the a an my his her their our this that")
_LEVEL = 5


def dates(doc: Document, cast: Cast) -> list[Code]:
    """``D 5= X`` (``X 5= Y`` between others) for each date told as happening (see the module
    docstring); one per couple per dream."""
    codes: list[Code] = []
    told: set[str] = set()
    for k, tok in enumerate(doc.tokens):
        if tok.low != "date" or k < 3 or doc.tokens[k - 1].low != "a":
            continue
        if doc.tokens[k - 2].low != "on":
            continue
        couple = _couple(doc, cast, k)
        if couple is None:
            continue
        one, other = (couple[1], couple[0]) if couple[1] == DREAMER else couple
        label = f"{cast.code_of(one)} {_LEVEL}= {cast.code_of(other)}"
        add_once(codes, told, label, doc, k, label)
    return codes


def _couple(doc: Document, cast: Cast, k: int) -> tuple[int, int] | None:
    """The two on the date whose ``date`` is token k, or None."""
    verb = k - 2
    while verb > 0 and doc.tokens[verb].low in _BEFORE_DATE:
        verb -= 1
    if not _GOING.intersection(lemma_candidates(doc.tokens[verb].low)):
        return None
    if not_done(doc, verb):
        return None
    subj = subject_past_aside(doc, cast, verb)
    if subj is None:
        return None
    one = cast.refs[subj]
    partner = _with(doc, cast, k)
    if partner is None:
        partner = shared_partner(doc, cast, subj)
    return None if partner is None or partner == one else (one, partner)


def _with(doc: Document, cast: Cast, k: int) -> int | None:
    """The character right after ``a date with`` (``with my ex-husband``)."""
    j = k + 2
    if j >= len(doc.tokens) or doc.tokens[k + 1].low != "with":
        return None
    last = doc.sentences[doc.tokens[k].sentence].last
    while j < last and doc.tokens[j].low in _DETERMINERS and j not in cast.refs:
        j += 1
    if j in cast.refs and doc.tokens[j].low in _DETERMINERS and (j + 1) in cast.refs:
        j += 1  # "with my ex-husband": the noun, not the possessive
    return cast.refs.get(j) if j < last else None
