"""Hostility without a hostile verb: a withheld kindness (rejection, A3) and anger aimed at
someone (covert hostility, A1)."""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..participants import object_after, object_token
from ..text import Document
from ..types import Code
from .acts import negated
from .order import dreamer_near, subject_token


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


#: Feelings that take their target as an object (``I disliked her``); others need ``at``.
_HOSTILE_FEELING = _words("hate dislike resent despise detest loathe")
_AIMED_AT = _words("at with toward towards against of because that")
_WITHHELD = _words(
    "allow permit give respect share let believe listen answer speak talk help return invite "
    "recognize pay wait"
)


def refusals(doc: Document, cast: Cast) -> list[Code]:
    """``she wouldn't let me``, ``he didn't answer``: a withheld kindness is rejection (A3)."""
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        disliked = tok.low in {"like", "love", "care"}
        if (tok.low not in _WITHHELD and not disliked) or not negated(doc, i):
            continue
        subj = subject_token(doc, cast, i)
        if subj is None or (cast.refs[subj] == DREAMER and not disliked):
            continue
        recipient = object_after(doc, cast, i, reach=3)
        if recipient is None and dreamer_near(doc, cast, i):
            recipient = DREAMER
        if recipient is None or recipient == cast.refs[subj]:
            continue
        (start, end), text = doc.span_text(i, i)
        level = 3  # "she didn't like it", "he wouldn't let me": rejection
        code = f"{cast.code_of(cast.refs[subj])} {level}> {cast.code_of(recipient)}"
        codes.append(Code("aggression", code, (start, end), text))
    return codes


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
