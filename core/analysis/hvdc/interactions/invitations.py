"""Invitations and visits: asking someone along is friendliness 5 whatever verb asks.

HVdC friendliness 5 is an invitation to a social activity or a visit: ``he asked me to
dance``, ``she asked me to come to her cottage``, ``he asked me out``, ``he came here to
Cleveland to see me``.  The lexicon names ``invite`` and ``visit``; here a request verb (ask,
beg, urge, persuade) with a character as its object, followed by ``out``, ``for a date``, ``to`` + a verb of going or joining or ``to a dance``
(an event), is coded from the one who asks
to the one asked; a request for help (``I asked her to help me``) is no invitation.  A coming
whose purpose is to see or visit a character (``came ... to see me``) is a visit.  Only what
happened: a negated, hoped-for or planned request (``to ask``, ``would ask``) is left out.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..lexicon import lemma_candidates
from ..participants import object_token
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .asides import subject_past_aside
from .once import add_once

#: What one is asked to do that makes the request an invitation: to go, come or join in.
_JOINING = word_set(
    "come go visit stay join dance meet eat dine spend accompany ride attend sit walk swim "
    "skate skating have"
)
_OUTINGS = word_set("date dance dinner lunch ride walk drink")
#: Events one is asked to (``asked him to a dance``, ``to the party``).
_EVENTS = _OUTINGS | word_set("party movie movies show picnic prom formal concert game wedding")
_SEEING = word_set("see visit")
_BETWEEN = word_set("my his her their our the a an")
_UNREAL = word_set("to would might could should will if whether")
_LEVEL = 5
_VISIT_REACH = 7  # words between "came" and "to see"


def invitations(doc: Document, cast: Cast, asking: list[int], coming: list[int]) -> list[Code]:
    """``S 5> R`` for each invitation or visit of S to R (see the module docstring); ``asking``
    and ``coming`` are the tokens of :data:`.cues.ASKING` and :data:`.cues.COMING`."""
    codes: list[Code] = []
    told: set[str] = set()  # "he asked me out ... when he asked me out": one invitation
    asked = [(i, _invited(doc, cast, i)) for i in asking]
    for i, receiver in sorted(asked + [(i, _visited(doc, cast, i)) for i in coming]):
        if receiver is None or _unreal(doc, i):
            continue
        subj = subject_past_aside(doc, cast, i)
        if subj is None or cast.refs[subj] == cast.refs[receiver]:
            continue
        label = f"{cast.code_of(cast.refs[subj])} {_LEVEL}> {cast.code_of(cast.refs[receiver])}"
        add_once(codes, told, label, doc, i, label)
    return codes


def _unreal(doc: Document, i: int) -> bool:
    """``didn't ask``, ``I wanted to ask him``, ``he would ask me``: no invitation happened."""
    return negated(doc, i) or (i > 0 and doc.tokens[i - 1].low in _UNREAL)


def _invited(doc: Document, cast: Cast, i: int) -> int | None:
    """Token of the one asked along by the request verb at i, or None."""
    obj = object_token(doc, cast, i, reach=3)
    if obj is None or any(doc.tokens[j].low not in _BETWEEN for j in range(i + 1, obj)):
        return None
    n = len(doc.tokens)
    nxt = doc.tokens[obj + 1].low if obj + 1 < n else ""
    if nxt == "out":
        return obj  # "asked me out"
    if nxt == "for":
        words = {doc.tokens[j].low for j in range(obj + 2, min(n, obj + 4))}
        return obj if words & _OUTINGS else None  # "asked me for a date"
    if nxt != "to" or obj + 2 >= n:
        return None
    doing = doc.tokens[obj + 2].low
    if doing in _BETWEEN:
        event = doc.tokens[obj + 3].low if obj + 3 < n else ""
        return obj if event in _EVENTS else None  # "asked him to a dance"
    return obj if _JOINING.intersection(lemma_candidates(doing)) else None


def _visited(doc: Document, cast: Cast, i: int) -> int | None:
    """``came here to Cleveland to see me``: the character a coming is meant to see."""
    last = doc.sentences[doc.tokens[i].sentence].last
    for j in range(i + 1, min(last - 1, i + _VISIT_REACH)):
        if doc.tokens[j].low == "to" and _SEEING.intersection(
            lemma_candidates(doc.tokens[j + 1].low)
        ):
            obj = object_token(doc, cast, j + 1, reach=3)
            between = range(j + 2, obj) if obj is not None else ()
            ok = obj is not None and all(doc.tokens[k].low in _BETWEEN for k in between)
            return obj if ok else None
        if doc.tokens[j].low in {",", ";", "and", "but"}:
            return None
    return None
