"""Obstacles: the mildest misfortune (M1), where a character is blocked or lost.

Hall & Van de Castle score as M1 the mishaps that stop a character without harming body or
property: being unable to go on (``I couldn't cross the street``, ``it became impossible for
me to enter``), being lost (``I didn't know where I was``), having a hard time of it.  When
the character was striving, the same words tell a failure instead (``fortune.striving``),
so the blocking patterns that overlap with failure only count outside a striving.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import object_token, subject_before
from ..text import Document
from .cues import Cue, word
from .scan import KNOWING_VERBS, by_sentence

#: After "couldn't": knowing, perceiving and states, not a blocked action.
_NOT_BLOCKED = KNOWING_VERBS | {
    "be",
    "bring",
    "catch",
    "give",
    "have",
    "keep",
    "make",
    "place",
    "seem",
    "to",
}
#: Reported or supposed: "I told her I couldn't", "if I went I could not".
_SAID = frozenset(
    {"told", "tell", "said", "say", "says", "if", "unless", "that", "probably", "maybe"}
)
_SOFTENERS = frozenset({"quite", "really", "even", "possibly", "seem", "just", "actually"})
_HARD_TIME = frozenset({"time", "difficulty"})
#: The words every pattern below starts from (a cheap first filter).
_TRIGGERS = frozenset(
    {"could", "couldn't", "can't", "cannot", "unable", "able", "impossible", "know", "idea"}
    | {"time", "difficulty"}
)
_LOST_SUBJECTS = frozenset({"i", "we", "my", "our"})


def _word(doc: Document, i: int) -> str:
    return doc.tokens[i].low if 0 <= i < len(doc.tokens) else "."


def _blocked_verb(doc: Document, j: int) -> int | None:
    """Token after ``couldn't``/``could not``/``unable to`` at j, softeners skipped."""
    w = doc.tokens[j].low
    if w == "could" and _word(doc, j + 1) in {"not", "hardly"}:
        k = j + 2
    elif w in {"couldn't", "can't", "cannot"}:
        k = j + 1
    elif w == "unable" or (w == "able" and _word(doc, j - 1) in {"not", "being", "wasn't"}):
        k = j + 2 if _word(doc, j + 1) == "to" else j + 1
    else:
        return None
    while _word(doc, k) in _SOFTENERS:
        k += 1
    return k


def _human(cast: Cast, ref: int | None) -> bool:
    return ref is not None and (ref == DREAMER or not cast.characters[ref].is_animal)


def _unable(doc: Document, cast: Cast, j: int, first: int) -> int | None:
    """Who ``couldn't``/``was unable to`` at token j blocks (the dreamer for ``couldn't``)."""
    k = _blocked_verb(doc, j)
    if k is None or _word(doc, k) in _NOT_BLOCKED:
        return None
    if any(doc.tokens[m].low in _SAID for m in range(max(first, j - 5), j)):
        return None
    ref = subject_before(doc, cast, j, reach=4)
    if doc.tokens[j].low in {"able", "unable"}:
        return ref if _human(cast, ref) else (DREAMER if ref is None else None)
    return ref if ref == DREAMER else None


def _impossible(doc: Document, cast: Cast, j: int) -> int | None:
    """``impossible for me to go over``: the character after ``for`` is blocked."""
    if doc.tokens[j].low != "impossible" or _word(doc, j + 1) != "for":
        return None
    ref = cast.refs.get(j + 2)
    return ref if _human(cast, ref) else None


def _lost(doc: Document, j: int) -> bool:
    """``I didn't know where I was``, ``no idea of where we were``: being lost."""
    w = doc.tokens[j].low
    if w == "know" and _word(doc, j - 1) in {"didn't", "not"} and _word(doc, j + 1) == "where":
        return _word(doc, j + 2) in _LOST_SUBJECTS
    if w == "idea" and _word(doc, j - 1) == "no":
        k = j + 2 if _word(doc, j + 1) == "of" else j + 1
        return _word(doc, k) == "where" and _word(doc, k + 1) in _LOST_SUBJECTS
    return False


def _hard_time(doc: Document, cast: Cast, j: int) -> int | None:
    """``I had a hard time finding room``, ``they had difficulty getting the floor``."""
    w = doc.tokens[j].low
    if w not in _HARD_TIME or not _word(doc, j + 1).endswith("ing"):
        return None
    if w == "time" and _word(doc, j - 1) not in {"hard", "terrible", "difficult", "awful"}:
        return None
    ref = subject_before(doc, cast, j, reach=6)
    return ref if _human(cast, ref) else None


def obstacle_positions(doc: Document) -> list[tuple[int, list[int]]]:
    """(sentence, its tokens that can start an obstacle) for the sentences that have any."""
    return by_sentence(doc, _TRIGGERS)


def find_obstacle(
    doc: Document,
    cast: Cast,
    positions: list[int],
    first: int,
    striving: bool,
    quoted: frozenset[int],
) -> tuple[int, int] | None:
    """(token, blocked character) of the first obstacle starting at one of ``positions``
    (trigger tokens of the sentence that begins at token ``first``).

    Inside a striving, ``couldn't`` and ``unable`` tell its failure and are skipped here;
    what someone says (inside quotation marks) is not what happens.
    """
    for j in positions:
        if j in quoted:
            continue
        if not striving:
            ref = _unable(doc, cast, j, first)
            if ref is not None:
                return j, ref
        ref = _impossible(doc, cast, j)
        if ref is None and _lost(doc, j):
            ref = DREAMER
        if ref is None:
            ref = _hard_time(doc, cast, j)
        if ref is not None:
            return j, ref
    return None


#: After ``couldn't find``: nobody or none of a thing (``any``), or a person (``who``).
_NOBODY = frozenset({"any", "anyone", "anybody", "who", "whom", "anything"})


def not_there(doc: Document, cast: Cast, cue: Cue) -> bool:
    """``couldn't find him``, ``couldn't find any clean ones``: a person who is not there or
    a thing there is none of.  The search fails through the world, not the searcher's
    inadequacy, so coders score the mishap (M1) and not a failure."""
    if word(doc, cue.last + 1) in _NOBODY:
        return True
    tok = object_token(doc, cast, cue.last, reach=3)
    if tok is None or _owner(doc, tok):
        return False  # "couldn't find her purse": a thing of hers
    ref = cast.refs[tok]
    return ref != DREAMER and not cast.characters[ref].is_animal


def _owner(doc: Document, tok: int) -> bool:
    """Whether the pronoun at tok owns the noun after it (``his keys``, ``her purse``)."""
    w, nxt = doc.tokens[tok].low, doc.tokens[tok + 1] if tok + 1 < len(doc.tokens) else None
    if w in {"my", "our", "his", "their", "your", "its"}:
        return True
    return w == "her" and nxt is not None and nxt.is_word and nxt.low not in _AFTER_HER


#: Words after an object "her" (``couldn't find her anywhere``), not a noun she owns.
_AFTER_HER = frozenset(
    {"anywhere", "in", "at", "there", "again", "either", "and", "or", "but", "so", "then"}
    | {"because", "when", "until", "before", "after", "on", "among", "for", "now", "yet"}
)
