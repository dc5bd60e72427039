"""Gifts received: the giver's friendliness 3 told from the receiver's side.

HVdC codes a gift as friendliness 3 from the giver to the receiver however it is told, and
the dreamer often tells only that she got it: ``I received a pink camelia`` (``1MSA 3> D``,
the sender named later), ``I would receive large bouquets of flowers`` (``2JSA 3> D``), ``the
engagement ring which she had just received`` (``Q 3> 1FKA``).  Read here: ``receive`` with a
gift noun (:data:`_GIFTS`) as its object (after it, or before a ``which``/``that`` it
describes), from the one named after ``from`` or else an unknown giver (``Q``), to the verb's
subject.  Received calls, letters, grades or news are no gift; negated or only expected
receipts (``to receive``) are none.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .asides import subject_past_aside

_GIFTS = word_set(
    "gift gifts present presents flowers bouquet bouquets corsage orchid orchids camelia "
    "camellia camellias roses ring bracelet necklace"
)
_RELATIVES = word_set("which that")
_UNDONE = word_set("to if whether")
_AFTER = 5  # words from the verb to its gift noun
_BEFORE = 6  # words back from the verb to "<gift> which"
_FROM = 8  # words from the verb to "from <giver>"
_LEVEL = 3


def received_gifts(doc: Document, cast: Cast) -> list[Code]:
    """``G 3> R`` (``Q 3> R`` with no giver named) for each gift R receives (see the module
    docstring)."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        if not tok.low.startswith("receiv") or not _gift_object(doc, i):
            continue
        if negated(doc, i) or (i > 0 and doc.tokens[i - 1].low in _UNDONE):
            continue
        subj = subject_past_aside(doc, cast, i)
        if subj is None:
            continue
        giver = _giver(doc, cast, i)
        receiver = cast.refs[subj]
        if giver == receiver:
            continue
        first = "Q" if giver is None else cast.code_of(giver)
        (start, end), text = doc.span_text(i, i)
        label = f"{first} {_LEVEL}> {cast.code_of(receiver)}"
        codes.append(Code("friendliness", label, (start, end), text))
    return codes


def _gift_object(doc: Document, i: int) -> bool:
    """A gift noun as what is received: soon after, or described by a ``which`` before."""
    sent = doc.sentences[doc.tokens[i].sentence]
    after = range(i + 1, min(sent.last, i + 1 + _AFTER))
    if any(doc.tokens[j].low in _GIFTS for j in after):
        return True
    for j in range(i - 1, max(sent.first, i - _BEFORE) - 1, -1):
        if doc.tokens[j].low in _RELATIVES:
            return j > sent.first and doc.tokens[j - 1].low in _GIFTS
    return False


def _giver(doc: Document, cast: Cast, i: int) -> int | None:
    """The character right after ``from`` in the rest of the clause, if any."""
    last = doc.sentences[doc.tokens[i].sentence].last
    for j in range(i + 1, min(last - 1, i + _FROM)):
        if doc.tokens[j].low in {",", ";", "and", "but"}:
            return None
        if doc.tokens[j].low == "from":
            for k in range(j + 1, min(last, j + 4)):
                if k in cast.refs and not ((k + 1) in cast.refs and k + 1 < last):
                    return cast.refs[k]
            return None
    return None
