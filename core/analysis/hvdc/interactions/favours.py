"""Favours: a deed done *for* someone is help (friendliness 4), a thing bought for them a gift (3).

HVdC codes help and service as friendliness 4 whether or not a verb of helping names it:
``I was making something to eat for the boy``, ``mother was to help by getting breakfast for
me``, ``my father had made a reservation for us``.  A favour verb (make, get, buy, carry,
cook...) whose subject is a character, with ``for`` + another character after it in the same
clause, is coded from the subject to that character.  ``for me to go`` (the subject of an
infinitive), ``waited for him``, ``looked for her`` and ``sorry for him`` are not favours:
only the verbs listed are.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..lexicon import lemma_candidates
from ..participants import clause_of
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .asides import subject_past_aside

_FAVOURS = word_set(
    "make get buy purchase carry cook fix sing play bring find save prepare build write pick order "
    "reserve pack sew bake fetch open draw paint knit mend wash iron clean arrange"
)
#: Favours that hand something over: a gift (friendliness 3) rather than a service (4).
_GIFTS = word_set("buy purchase bring bake knit sew")
_DETERMINERS = word_set("the a an my his her their our this that")
_PERSONS = word_set("me him her us")
_THING_DETERMINERS = word_set("a an the some my his her their our this that another")
_UNDONE = word_set("to can could would might should")
_CONDITIONS = word_set("if whether")
_REACH = 8  # words between the favour verb and "for"


def favours(doc: Document, cast: Cast) -> list[Code]:
    """``S 4> R`` (``3>`` for a gift) for each favour verb of S followed by ``for`` R (see the module docstring)."""
    codes: list[Code] = []
    lows = [tok.low for tok in doc.tokens]
    for k, low in enumerate(lows):
        if low == "for":
            receiver = _receiver(doc, cast, k)
            verb = None if receiver is None else _favour_verb(doc, k)
        elif k + 1 < len(lows) and lows[k + 1] in _PERSONS:
            verb, receiver = _double_object(doc, cast, k)
        else:
            continue
        if verb is None or receiver is None or negated(doc, verb):
            continue
        subj = subject_past_aside(doc, cast, verb)
        if subj is None or cast.refs[subj] == receiver:
            continue
        (start, end), text = doc.span_text(verb, verb)
        level = 3 if _GIFTS.intersection(lemma_candidates(doc.tokens[verb].low)) else 4
        label = f"{cast.code_of(cast.refs[subj])} {level}> {cast.code_of(receiver)}"
        codes.append(Code("friendliness", label, (start, end), text))
    return codes


def _double_object(doc: Document, cast: Cast, k: int) -> tuple[int | None, int | None]:
    """``got me a blind date``, ``he had made me a seat``: a favour verb with a person and then
    a thing as its objects (``them`` is as often things, so only me/him/her/us)."""
    if k + 2 >= len(doc.tokens) or doc.tokens[k + 1].low not in _PERSONS:
        return None, None
    if (k + 1) not in cast.refs or doc.tokens[k + 2].low not in _THING_DETERMINERS:
        return None, None
    if not _FAVOURS.intersection(lemma_candidates(doc.tokens[k].low)):
        return None, None
    before = {doc.tokens[j].low for j in range(max(0, k - 5), k)}
    if (k > 0 and doc.tokens[k - 1].low in _UNDONE) or before & _CONDITIONS:
        return None, None  # "asked George to order me a drink", "if he can buy us": not done
    return k, cast.refs[k + 1]


def _receiver(doc: Document, cast: Cast, k: int) -> int | None:
    """The character right after ``for`` (``for her``, ``for my sister``), unless it is the
    subject of an infinitive (``for me to go``)."""
    j = k + 1
    while j < len(doc.tokens) and doc.tokens[j].low in _DETERMINERS and j not in cast.refs:
        j += 1
    if j in cast.refs and doc.tokens[j].low in _DETERMINERS and (j + 1) in cast.refs:
        j += 1  # "for my sister": the noun, not the possessive
    if j not in cast.refs:
        return None
    if j + 1 < len(doc.tokens) and doc.tokens[j + 1].low == "to":
        return None
    return cast.refs[j]


def _favour_verb(doc: Document, k: int) -> int | None:
    """The nearest favour verb before ``for`` in its clause."""
    first, _last = clause_of(doc, k)
    for j in range(k - 1, max(first, k - _REACH) - 1, -1):
        if _FAVOURS.intersection(lemma_candidates(doc.tokens[j].low)):
            return j
    return None
