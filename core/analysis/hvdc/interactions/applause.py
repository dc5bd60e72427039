"""Applause: clapping for a performer is gestural friendliness (F2).

HVdC codes gestures of approval as friendliness 2, and the norms' coders code an audience's
applause as aimed at whoever has just performed: ``the choir sang a beautiful hymn, and we all
applauded`` → ``D 2> 2JOA``, ``a Negro ... sings a song ... the audience applauds`` →
``2JSA 2> 1MPA``.  Read here: ``applaud`` (any form) or ``clap for`` whose subject is a
character, aimed at its object (``applauded him``) or else at the last other character named
before it in this or the previous sentence.  Clapping out a rhythm names no one.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import object_token
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .asides import subject_past_aside
from .once import add_once

_STEMS = ("applaud", "clap")  # a cheap test on every token before any other
_POSSESSIVES = word_set("my his her their our")
_DETERMINERS = _POSSESSIVES | word_set("the a an this that")
_LEVEL = 2
_REACH = 40  # words back to the performer
_SUBJECT_PHRASE = 3  # words before the subject that may join it ("my friends and I")


def applause(doc: Document, cast: Cast) -> list[Code]:
    """``S 2> P`` for each applause of S for P (see the module docstring); one per pair."""
    codes: list[Code] = []
    told: set[str] = set()
    for i, tok in enumerate(doc.tokens):
        if not tok.low.startswith(_STEMS) or not _applauds(doc, i) or negated(doc, i):
            continue
        subj = subject_past_aside(doc, cast, i)
        if subj is None:
            continue
        clapper = cast.refs[subj]
        performer = _performer(doc, cast, i, clapper, subj)
        if performer is None:
            continue
        label = f"{cast.code_of(clapper)} {_LEVEL}> {cast.code_of(performer)}"
        add_once(codes, told, label, doc, i, label)
    return codes


def _applauds(doc: Document, i: int) -> bool:
    """``applauded``, ``applauds``; ``clapped for``."""
    low = doc.tokens[i].low
    if i > 0 and doc.tokens[i - 1].low in _DETERMINERS:
        return False  # "his applauding audience": who they are, not an act
    if low.startswith("applaud"):
        return True
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    return low.startswith("clap") and nxt == "for"


def _performer(doc: Document, cast: Cast, i: int, clapper: int, subj: int) -> int | None:
    """The one applauded: the object right after, else the last other character named before
    the subject's phrase (``my friends and I applauded``: the friends clap too)."""
    obj = object_token(doc, cast, i, reach=3)
    if obj is not None and cast.refs[obj] != clapper:
        return cast.refs[obj]
    if obj is not None and clapper == DREAMER:
        return None  # "others applauded me" read with an earlier "I" as its subject
    sent = doc.tokens[i].sentence
    for j in range(min(i, subj - _SUBJECT_PHRASE) - 1, max(-1, i - _REACH), -1):
        if doc.tokens[j].sentence < sent - 1:
            break
        ref = cast.refs.get(j)
        if ref is None or ref == clapper or j in cast.we_tokens:
            continue
        if doc.tokens[j].low in _POSSESSIVES and (j + 1) in cast.refs:
            continue
        return ref
    return None
