"""Spoken threats: saying one will harm someone is a threat (aggression 4).

HVdC codes a threat, verbal or by gesture, at level 4 whatever verb reports it: ``they told
me that they would lock me in my closet``, ``I yelled, "Stop or I'll shoot you!"``,
``he said he was going to kill Chuck``.  A speech verb whose subject is a character,
followed in its sentence by a future or intent (``will``, ``would``, ``'ll``, ``going to``)
and a physical act of the aggression lexicon (level 5 or more) on a person, is coded from the
speaker to that person: ``you`` is the one spoken to.  A negated intent (``he said he would
not hurt me``) threatens no one; the threat word itself (``threatened``) is the lexicon's.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..participants import object_after
from ..text import Document, word_set
from ..types import Code
from .acts import negated, verb
from .order import dreamer_near, subject_token

_INTENT = word_set("will would gonna shall")
_CONTRACTED = ("'ll", "'d")
#: Words that may stand between an intent and its act (``I'll just kill you``).
_BETWEEN = word_set("just really surely certainly have to be")
_NOT = word_set("not never n't")
_YOU = word_set("you ya")
_OPEN_PRONOUNS = word_set("he she they")
_BE = word_set("am is are was were 's 're")
_REACH = 20  # words of a report after its verb
_PHYSICAL = 5  # the lowest level of an act that harms (HVdC 5-8)
_LEVEL = 4


def spoken_threats(doc: Document, cast: Cast, verbs: list[int]) -> list[Code]:
    """``S 4> T`` for each harm S says will be done to T; ``verbs`` are the tokens of
    reporting verbs (:data:`.cues.REPORTING`)."""
    codes: list[Code] = []
    for i in verbs:
        subj = subject_token(doc, cast, i)
        harm = None if subj is None or negated(doc, i) else _threatened_harm(doc, cast, i, subj)
        if subj is None or harm is None:
            continue
        speaker = cast.refs[subj]
        target = _target(doc, cast, i, harm, speaker)
        if target is None or target == speaker:
            continue
        (start, end), text = doc.span_text(i, i)
        label = f"{cast.code_of(speaker)} {_LEVEL}> {cast.code_of(target)}"
        codes.append(Code("aggression", label, (start, end), text))
    return codes


def _threatened_harm(doc: Document, cast: Cast, i: int, subj: int) -> int | None:
    """The token of a harm the speaker (``subj``) says she will do (an intent, then a
    physical act) after the speech verb at i, within its sentence; None when there is none,
    the intent is negated or someone else's (``he said the dog would bite me`` warns)."""
    last = min(doc.sentences[doc.tokens[i].sentence].last, i + 1 + _REACH)
    for j in range(i + 1, last):
        word = doc.tokens[j].low
        nxt = doc.tokens[j + 1].low if j + 1 < last else ""
        if word == "going" and nxt == "to":
            k = j + 2
        elif word in _INTENT or word.endswith(_CONTRACTED):
            k = j + 1
        else:
            continue
        if not _speakers_own(doc, cast, j, subj):
            return None
        while k < last and doc.tokens[k].low in _BETWEEN:
            k += 1
        if k >= last or doc.tokens[k].low in _NOT or doc.tokens[k].low.endswith("n't"):
            return None
        found = verb(doc, k, "aggression")
        if found is not None and found[1] >= _PHYSICAL:
            return k
    return None


#: Who says "I will": the speaker herself in quoted speech.
_FIRST_PERSON = word_set("i we i'll we'll i'd we'd")


def _speakers_own(doc: Document, cast: Cast, j: int, subj: int) -> bool:
    """Whether the intent at j is the speaker's: said in the first person, or by a pronoun
    or name that is the speaker (``he said he would``), or by a pronoun the cast left open."""
    word = doc.tokens[j].low
    who = j if word.endswith(_CONTRACTED) else j - 1
    while who > 0 and word == "going" and doc.tokens[who].low in _BE:
        who -= 1  # "he was going to"
    if who < 0 or doc.tokens[who].low in _FIRST_PERSON:
        return True
    if who in cast.refs:
        return cast.refs[who] == cast.refs[subj]
    pronoun = doc.tokens[who].low
    return pronoun in _OPEN_PRONOUNS and pronoun == doc.tokens[subj].low


def _target(doc: Document, cast: Cast, i: int, harm: int, speaker: int) -> int | None:
    """Who the harm at ``harm`` is for: ``you`` is the one spoken to (the speech verb's
    object, else the dreamer in the scene when another speaks); else the character named or
    referred to right after the act."""
    j = harm + 1
    if j < len(doc.tokens) and doc.tokens[j].low in _YOU:
        told = object_after(doc, cast, i, reach=2)
        if told is not None:
            return told
        return DREAMER if speaker != DREAMER and dreamer_near(doc, cast, i) else None
    return object_after(doc, cast, harm, reach=3)
