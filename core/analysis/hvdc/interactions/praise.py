"""Praise and good wishes: kind words about someone are verbal friendliness (F2).

The mirror of :mod:`.speech`: HVdC codes a compliment or a good wish as friendliness 2
whichever verb reports it — ``everyone commented how nice I looked``, ``I said I thought the
conductor was very clever``, ``I told her how lucky she was``, ``I wished her the best``.
A speech verb whose subject is a character, followed in its sentence by a word of praise
(:data:`_PRAISE`) with another character named between the two, is coded from the speaker
to the one praised; ``wish`` takes the one wished well as its object.  Praise of a thing
(``he said the house was lovely``) or of oneself names no other character there, and is no
interaction.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..participants import object_after
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .asides import subject_past_aside

_PRAISE = word_set(
    "nice kind sweet lovely wonderful clever talented smart pretty beautiful handsome lucky "
    "brave charming marvelous gorgeous attractive"
)
_COPULAS = word_set("was is were are looked looks seemed seems 's had")
_WISHES = word_set("best luck well happiness congratulations")
_REACH = 12  # words from the verb to the word of praise
_LEVEL = 2


def praise(doc: Document, cast: Cast, verbs: list[int], wishes: list[int]) -> list[Code]:
    """``S 2> R`` for each kind word S says about R (see the module docstring); ``verbs`` and
    ``wishes`` are the tokens of :data:`.cues.PRAISING` and :data:`.cues.WISHING`."""
    codes: list[Code] = []
    told = [(i, _praised(doc, cast, i)) for i in verbs]
    for i, praised in told + [(i, _wished(doc, cast, i)) for i in wishes]:
        subj = None if praised is None else subject_past_aside(doc, cast, i)
        if praised is None or subj is None or negated(doc, i) or cast.refs[subj] == praised:
            continue
        (start, end), text = doc.span_text(i, i)
        label = f"{cast.code_of(cast.refs[subj])} {_LEVEL}> {cast.code_of(praised)}"
        codes.append(Code("friendliness", label, (start, end), text))
    return sorted(codes, key=lambda c: c.span[0] if c.span else -1)


def _praised(doc: Document, cast: Cast, i: int) -> int | None:
    """The one a word of praise is said of: the subject of a be/look/seem right before it in
    what is said after the verb (``the conductor was very clever``, ``she was lucky``), never
    the one told (``I told mother that a hat would be nice``) nor "we"."""
    last = min(doc.sentences[doc.tokens[i].sentence].last, i + 1 + _REACH)
    told = i + 1 if (i + 1) in cast.refs else -1
    person = None
    for j in range(i + 1, last - 1):
        if j in cast.refs and j != told and j not in cast.we_tokens:
            person = cast.refs[j] if doc.tokens[j + 1].low in _COPULAS else person
        elif doc.tokens[j].low in _PRAISE:
            return person if person is not None else _how_nice(doc, cast, j)
    return None


def _how_nice(doc: Document, cast: Cast, j: int) -> int | None:
    """``how lucky she was``, ``how nice I looked``: the praise word before its subject."""
    if doc.tokens[j - 1].low != "how" or j + 2 >= len(doc.tokens):
        return None
    if doc.tokens[j + 2].low in _COPULAS and (j + 1) in cast.refs:
        return cast.refs[j + 1]
    return None


def _wished(doc: Document, cast: Cast, i: int) -> int | None:
    """``wished her the best``, ``wished him luck``: the one wished well."""
    person = object_after(doc, cast, i, reach=2)
    if person is None:
        return None
    last = min(doc.sentences[doc.tokens[i].sentence].last, i + 6)
    words = {doc.tokens[j].low for j in range(i + 1, last)}
    return person if words & _WISHES else None
