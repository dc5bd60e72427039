"""Subjects told before a parenthetical aside: ``A wonderful man (the boy I am engaged to) kept
coming to see me``.

The reports put who someone is in brackets between a subject and its verb (``my friend (m,
23) came in``, ``a man (the boy I go with) asked me out``).  Reading the subject back word by
word then meets the aside's own ``I`` first and makes the dreamer the doer.  Here the aside
is stepped over: when a closing bracket stands right before the verb (an adverb or auxiliary
between), the subject is looked for before its opening bracket.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..text import Document
from .order import subject_token

_REACH = 3  # words between the closing bracket and the verb ("kept", "also", "had")


def subject_past_aside(doc: Document, cast: Cast, i: int) -> int | None:
    """Token of the subject of the verb at i, stepping over a bracketed aside before it."""
    first = doc.sentences[doc.tokens[i].sentence].first
    for j in range(i - 1, max(first, i - 1 - _REACH) - 1, -1):
        if j in cast.refs:
            break
        if doc.tokens[j].text == ")":
            opening = _opening(doc, j, first)
            return subject_token(doc, cast, opening) if opening is not None else None
    return subject_token(doc, cast, i)


def _opening(doc: Document, j: int, first: int) -> int | None:
    """The ``(`` that the ``)`` at j closes, within the sentence."""
    for k in range(j - 1, first - 1, -1):
        if doc.tokens[k].text == "(":
            return k
    return None
