"""Hand-holding and a hand laid on someone: friendliness 6, socially acceptable contact.

HVdC friendliness 6 is physical affection short of sexuality: holding hands, a hand on the
shoulder, as well as hugs and kisses of greeting.  The lexicon's ``hold hand`` never matches
how reports say it, with a possessive or a plural between: ``Mac came in and took my hand``
(``1MKA 6> D``), ``he held her hand``, ``the boy was holding hands with a woman`` (mutual,
``1MKA 6= 1FSA``), ``an old lady placed her hand on this girl's shoulder``.  Read here: a verb
of holding or taking + someone else's hand (``my``/``her`` hand: the owner receives it); a
verb of holding + ``hands with`` X, or ``X and I``/``we`` + ``held hands`` (mutual); a verb of
placing + one's own hand + ``on`` + a character's shoulder, arm, head or back (a hand on the
chest may push; elsewhere it may be sexuality's).  One's own hand (``he took his hand out of
his pocket``), a hand of cards (``took the hand``), negated or supposed acts are none.  A
handshake (``I shook his hand``, ``we shook hands``) is read the same way but is a greeting,
friendliness 2 (the lexicon's ``shake hand`` never matched either).
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..text import Document, word_set
from ..types import Code
from .acts import not_done
from .asides import subject_past_aside
from .once import add_once
from .order import shared_partner, subject_token

_HOLDING = word_set("hold take squeeze clasp grasp")
#: A handshake is a greeting: gestural friendliness (2), not contact (6).
_SHAKING = word_set("shake")
_PLACING = word_set("put place lay rest")
_HANDS = word_set("hand hands")
_POSSESSIVES = word_set("my his her their our")
_PREPOSITIONS = word_set("behind beside near with to at of for by from toward towards")
#: Where a hand laid on someone comforts or greets (``on her shoulder``, ``on my arm``).
_COMFORTED = word_set("shoulder shoulders arm arms head forehead back hand hands cheek")
_LEVEL = 6


def hand_contacts(doc: Document, cast: Cast) -> list[Code]:
    """``S 6> R`` (``S 6= R`` for hands held together; level 2 for a handshake) for each
    contact of the module docstring; one per pair per sentence."""
    codes: list[Code] = []
    seen: set[tuple[str, int]] = set()
    for k, tok in enumerate(doc.tokens):
        if tok.low not in _HANDS or k < 2:
            continue
        found = _contact(doc, cast, k)
        if found is None:
            continue
        verb, (one, other, mutual) = found
        if mutual and other == DREAMER:
            one, other = other, one
        level = 2 if _SHAKING.intersection(lemma_candidates(doc.tokens[verb].low)) else _LEVEL
        label = f"{cast.code_of(one)} {level}{'=' if mutual else '>'} {cast.code_of(other)}"
        add_once(codes, seen, (label, doc.tokens[k].sentence), doc, verb, label)
    return codes


def _contact(doc: Document, cast: Cast, k: int) -> tuple[int, tuple[int, int, bool]] | None:
    """(the verb's token, (initiator, receiver, mutual)) for the ``hand(s)`` at k, or None."""
    owner_tok = k - 1
    verb = k - 2 if doc.tokens[owner_tok].low in _POSSESSIVES or owner_tok in cast.refs else k - 1
    forms = lemma_candidates(doc.tokens[verb].low)
    if not_done(doc, verb):
        return None
    subj = _subject(doc, cast, verb)
    if subj is None:
        return None
    doer = cast.refs[subj]
    holding = _HOLDING.intersection(forms) or _SHAKING.intersection(forms)
    if verb == k - 1 and doc.tokens[k].low == "hands" and holding:
        partner = _after_with(doc, cast, k)
        if partner is None:
            partner = shared_partner(doc, cast, subj)
        return None if partner in (None, doer) else (verb, (doer, partner, True))
    if verb != k - 2 or owner_tok not in cast.refs:
        return None
    owner = cast.refs[owner_tok]
    if holding and owner != doer:
        return verb, (doer, owner, False)
    if _PLACING.intersection(forms) and owner == doer:
        touched = _after_on(doc, cast, k)
        return None if touched in (None, doer) else (verb, (doer, touched, False))
    return None


def _subject(doc: Document, cast: Cast, verb: int) -> int | None:
    """The subject of the verb at ``verb``; a pronoun governed by a preposition is no subject
    (``the boy was sitting behind me holding hands``): the one before it is."""
    subj = subject_past_aside(doc, cast, verb)
    if subj is not None and subj > 0 and doc.tokens[subj - 1].low in _PREPOSITIONS:
        subj = subject_token(doc, cast, subj - 1)
    return subj


def _after_with(doc: Document, cast: Cast, k: int) -> int | None:
    """X in ``hands with X``."""
    if k + 1 >= len(doc.tokens) or doc.tokens[k + 1].low != "with":
        return None
    return _next_character(doc, cast, k + 2)


def _after_on(doc: Document, cast: Cast, k: int) -> int | None:
    """X in ``hand on X's shoulder``: only the places of a comforting touch
    (:data:`_COMFORTED`); a hand on someone's chest or body may push or be sexual."""
    n = len(doc.tokens)
    if k + 1 >= n or doc.tokens[k + 1].low not in ("on", "upon"):
        return None
    touched = _next_character(doc, cast, k + 2)
    place = next((j for j in range(k + 3, min(n, k + 6)) if doc.tokens[j].low in _COMFORTED), None)
    return touched if place is not None else None


def _next_character(doc: Document, cast: Cast, j: int) -> int | None:
    """The character named within the next three words from j (``this girl's``, ``me``)."""
    last = doc.sentences[doc.tokens[min(j, len(doc.tokens) - 1)].sentence].last
    for m in range(j, min(last, j + 3)):
        if m in cast.refs:
            if doc.tokens[m].low in _POSSESSIVES and (m + 1) in cast.refs:
                return cast.refs[m + 1]
            return cast.refs[m]
    return None
