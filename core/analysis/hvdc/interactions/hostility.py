"""Hostility without a hostile verb: a withheld kindness (rejection, A3) and anger aimed at
someone (covert hostility, A1)."""

from __future__ import annotations

import functools

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..participants import object_after, object_token
from ..text import Document, word_set
from ..types import Code
from .acts import negated
from .order import dreamer_near, subject_token
from .parsed import UNKNOWN

#: Feelings that take their target as an object (``I disliked her``); others need ``at``.
_HOSTILE_FEELING = word_set("hate dislike resent despise detest loathe")
_AIMED_AT = word_set("at with toward towards against of because that")
#: A bare refusal: ``but she wouldn't.``, ``they would not,``.
_BARE_NO = word_set("wouldn't didn't won't")
_BARE_AUX = word_set("would did will")
_NEGATION_WORDS = word_set("not never no nobody nor neither without refused unwilling declined")
_NONE_OF_THEM = word_set("neither nobody one")
_THIRD_PERSON = word_set("he she they neither nobody")
_REQUESTS = word_set("ask call beg plead scream yell shout please help")
_WITHHELD = word_set(
    "allow permit give respect share let believe listen answer speak talk help return invite "
    "recognize pay wait sell pick accept invite call visit"
)
#: The forms said after an auxiliary (``didn't let``); a past form (``no one spoke``) is
#: coded only with its receiver named.
_WITHHELD_BASE = _WITHHELD | word_set("like love care")
#: Words between a withholder and the withheld verb (``she just would not even let``).
_VERB_CHAIN = word_set(
    "would will did do does could can not never just even still n't wouldn't didn't won't "
    "couldn't don't doesn't refused to unwilling seemed were was had has have"
)


def refusals(doc: Document, cast: Cast) -> list[Code]:
    """``she wouldn't let me``, ``he didn't answer``: a withheld kindness is rejection (A3)."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        disliked = tok.low in {"like", "love", "care"}
        if (not _withheld(tok.low) and not disliked) or not negated(doc, i):
            continue
        if _not_withheld_here(doc, i):
            continue
        refuser = _withholder(doc, cast, i)
        if refuser is None or (refuser == DREAMER and not disliked):
            continue
        recipient = object_after(doc, cast, i, reach=3)
        if recipient is None and tok.low in _WITHHELD_BASE and dreamer_near(doc, cast, i):
            recipient = DREAMER  # "she wouldn't let me"; "no one spoke" aims at no one
        if recipient is None or recipient == refuser:
            continue
        (start, end), text = doc.span_text(i, i)
        level = 3  # "she didn't like it", "he wouldn't let me": rejection
        who = "Q" if refuser == UNKNOWN else cast.code_of(refuser)
        codes.append(
            Code("aggression", f"{who} {level}> {cast.code_of(recipient)}", (start, end), text)
        )
    return codes


@functools.lru_cache(maxsize=1 << 16)
def _withheld(word: str) -> bool:
    """A kindness verb in any form: ``no one had waited for me``, ``he never answered``."""
    return word in _WITHHELD or bool(_WITHHELD.intersection(lemma_candidates(word)))


#: Words that end the reach of a negation before a withheld verb (``said no, but gave me``).
_CLAUSE_BREAK = word_set(", but ; and")
_PASSIVE_BE = word_set("be been being was were is are")
_OBLIGED = word_set("had has have ought")


def _not_withheld_here(doc: Document, i: int) -> bool:
    """The negated kindness at i is withheld by no one: its subject receives it (``he wouldn't
    be allowed``), it is a duty (``no one had to pay``), or the negation belongs to an earlier
    clause (``the clerk said no, but gave me a list``)."""
    j = i - 1
    while j > 0 and (doc.tokens[j].low in _NEGATION_WORDS or doc.tokens[j].low.endswith("n't")):
        j -= 1  # "she was not allowed"
    prev = doc.tokens[j].low if j >= 0 else ""
    if (
        prev in _PASSIVE_BE
        or prev.startswith(("wasn", "weren"))
        or (prev == "to" and i > 1 and doc.tokens[i - 2].low in _OBLIGED)
    ):
        return True
    first = doc.sentences[doc.tokens[i].sentence].first
    for j in range(i - 1, max(first, i - 4) - 1, -1):
        word = doc.tokens[j].low
        if word in _CLAUSE_BREAK:
            return True
        if word in _NEGATION_WORDS or word.endswith("n't"):
            return False
    return False


def _withholder(doc: Document, cast: Cast, i: int) -> int | None:
    """Who withholds the kindness at i: the verb's subject; for an unresolved ``she``/``they``
    the last other character named; :data:`UNKNOWN` for ``nobody``/``no one``.  A subject
    that names no one (``but neither would believe me``) is read before any earlier subject
    (``I tried to convince them that I hadn't meant it``)."""
    sent = doc.sentences[doc.tokens[i].sentence]
    j = i - 1
    while j > sent.first and doc.tokens[j].low in _VERB_CHAIN:
        j -= 1
    word = doc.tokens[j].low
    subj = None if word in _NONE_OF_THEM else subject_token(doc, cast, i)
    if subj is not None:
        return cast.refs[subj]
    if word == "nobody" or (word == "one" and doc.tokens[j - 1].low == "no"):
        return UNKNOWN
    if word not in _THIRD_PERSON:
        return None
    for j in range(i - 1, max(-1, i - 60), -1):
        ref = cast.refs.get(j)
        if ref is not None and ref != DREAMER:
            return ref
    return None


def refused_requests(doc: Document, cast: Cast) -> list[Code]:
    """``I called to them to help me, but they wouldn't``: a request of the dreamer's that
    someone will not grant, told by a bare ``wouldn't``/``didn't`` (rejection, A3).  Without
    a request before it (``I feared he would rape us, but he would not``) it is no refusal."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        end = i + 1 if tok.low in _BARE_NO else i + 2 if tok.low in _BARE_AUX else -1
        if end < 0 or (end == i + 2 and _low(doc, i + 1) != "not"):
            continue
        if end < len(doc.tokens) and doc.tokens[end].is_word:
            continue  # "she didn't answer": the verb is there (see refusals)
        who = _refuser(doc, cast, i)
        if who is None or not _asked_before(doc, cast, i):
            continue
        (start, stop), text = doc.span_text(i, end - 1)
        codes.append(Code("aggression", f"{who} 3> D", (start, stop), text))
    return codes


def _refuser(doc: Document, cast: Cast, i: int) -> str | None:
    """Label of who would not: the subject before the word, or for a ``she``/``they`` the
    cast did not resolve, the last other character named (``Q`` when there is none)."""
    subj = subject_token(doc, cast, i)
    if subj is not None:
        return None if cast.refs[subj] == DREAMER else cast.code_of(cast.refs[subj])
    if i == 0 or doc.tokens[i - 1].low not in _THIRD_PERSON:
        return None
    for j in range(i - 2, max(-1, i - 60), -1):
        ref = cast.refs.get(j)
        if ref is not None and ref != DREAMER:
            return cast.code_of(ref)
    return "Q"


def _low(doc: Document, i: int) -> str:
    return doc.tokens[i].low if i < len(doc.tokens) else ""


def _asked_before(doc: Document, cast: Cast, i: int) -> bool:
    """The dreamer asked or called for something in this sentence or the one before."""
    sent = doc.tokens[i].sentence
    for j in range(i - 1, max(-1, i - 40), -1):
        if doc.tokens[j].sentence < sent - 1:
            break
        if _REQUESTS.intersection(lemma_candidates(doc.tokens[j].low)):
            return True
    return False


def covert_anger(doc: Document, cast: Cast, emotions: list[Code]) -> list[Code]:
    """The dreamer angry *at* someone: covert hostility (A1).  HVdC codes the feeling only
    when it is aimed at a character (``angry at him``, ``I dislike her``); ``I was angry``
    with someone merely named later in the sentence is an emotion, not an interaction."""
    codes: list[Code] = []
    angry = [e for e in emotions if e.code.startswith("AN, D") and e.span is not None]
    starts = {t.start: t.index for t in doc.tokens} if angry else {}
    for emo in angry:
        i = starts.get(emo.span[0]) if emo.span else None
        if i is None:
            continue
        target = _anger_target(doc, cast, i)
        if target is not None:
            codes.append(Code("aggression", f"D 1> {cast.code_of(target)}", emo.span, emo.evidence))
    return codes


def _anger_target(doc: Document, cast: Cast, i: int) -> int | None:
    """The character the anger word at i is aimed at: the object of a hostile verb
    (``hated him``), of ``at``/``with``/``toward`` after an angry word (``mad at her``), or
    the one whose deed is its cause (``angry that he had not told me``)."""
    tok = object_token(doc, cast, i, reach=4)
    if tok is None or cast.refs[tok] == DREAMER:
        return None
    aimed = bool(_HOSTILE_FEELING.intersection(lemma_candidates(doc.tokens[i].low)))
    if not aimed and not any(doc.tokens[j].low in _AIMED_AT for j in range(i + 1, tok)):
        return None
    return cast.refs[tok]


#: Feelings that a look or a word shows (``with disdain``).
_SHOWN_FEELINGS = word_set("disdain contempt scorn disgust hatred hate anger hostility dislike")
#: Words between ``with`` and a feeling shown (``with such utter disdain``).
_SHOWN_DEGREE = word_set("a an such great utter real some obvious open evident plain")
#: Words between a look or gesture and the one it is aimed at (``looked up at me``).
_AIMING = word_set("at to up down over toward towards")
_SHOWN_REACH = 5


def feeling_shown(doc: Document, cast: Cast, i: int) -> tuple[int, int, bool] | None:
    """``she looked at me with disdain``: a hostile feeling shown ``with`` a look or a word is
    the looker's, aimed at the one looked at — not the act of the ``me`` before it.  None when
    the feeling at i is not shown so or its two sides are not both characters."""
    if doc.tokens[i].low not in _SHOWN_FEELINGS:
        return None  # "came in with a whip": a weapon, not a feeling
    first = doc.sentences[doc.tokens[i].sentence].first
    j = i - 1
    while j > first and doc.tokens[j].low in _SHOWN_DEGREE:
        j -= 1
    if j <= first or doc.tokens[j].low != "with":
        return None
    for k in range(j - 1, max(first, j - _SHOWN_REACH) - 1, -1):
        if k not in cast.refs:
            continue
        verb_at = k - 1
        while verb_at > first and doc.tokens[verb_at].low in _AIMING:
            verb_at -= 1
        subj = subject_token(doc, cast, verb_at)
        if subj is None:  # "she could do nothing but look at me": the clause's first named
            subj = next((m for m in range(verb_at - 1, first - 1, -1) if m in cast.refs), None)
        if subj is None or cast.refs[subj] == cast.refs[k]:
            return None
        return cast.refs[subj], cast.refs[k], False
    return None


#: Object words that may name a person the cast has not resolved.
_PERSON_OBJECTS = word_set("him her them you us me people everyone everybody someone somebody")
_THING_REACH = 4
_BEFORE_NOUN = word_set("of a an the my his her their our your strong great intense mutual")
#: Words after a feeling verb that start no object (``who I dislike at present``).
_NO_OBJECT = word_set("at in on for with about to very so much most and but or because when")


def feeling_at_thing(doc: Document, cast: Cast, i: int) -> bool:
    """``I hate fire escapes``: a hostile feeling (:data:`_HOSTILE_FEELING`) whose object is
    a thing is no interaction (HVdC codes covert hostility at characters only): the words
    after it, up to the clause's end, name no character and start with no person pronoun."""
    if not _HOSTILE_FEELING.intersection(lemma_candidates(doc.tokens[i].low)):
        return False
    if i > 0 and doc.tokens[i - 1].low in _BEFORE_NOUN:
        return False  # "a strong feeling of dislike came over me": the noun, no object after
    last = doc.sentences[doc.tokens[i].sentence].last
    nxt = doc.tokens[i + 1] if i + 1 < last else None
    if nxt is None or not nxt.is_word or nxt.low in _NO_OBJECT or nxt.low.endswith("ly"):
        return False  # "whom I dislike.", "which I disliked intensely": the object is before
    for j in range(i + 1, min(last, i + 1 + _THING_REACH)):
        if j in cast.refs or doc.tokens[j].low in _PERSON_OBJECTS:
            return False
        if not doc.tokens[j].is_word:
            break
    return True
