"""Who does or undergoes what: the subject and object of a word, read off the cast's references.

Without a parser, the nearest referring word before a predicate in its clause is its subject
(``she said she was scared`` -> the second ``she``), and the nearest after it is its object;
a passive (``was chased by a man``) swaps them.
"""

from __future__ import annotations

from .cast.model import DREAMER, Cast
from .text import Document

_BE = frozenset({"was", "were", "been", "being", "be", "is", "are", "got", "get", "became"})
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their"})


def clause_of(doc: Document, i: int) -> tuple[int, int]:
    """Token range of the clause holding token i."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for first, last in sent.clauses:
        if first <= i < last:
            return first, last
    return sent.first, sent.last


def subject_before(doc: Document, cast: Cast, i: int, reach: int = 12) -> int | None:
    """Nearest referent before token i in its sentence (clause first, then the sentence)."""
    sent = doc.sentences[doc.tokens[i].sentence]
    low = max(sent.first, i - reach)
    for j in range(i - 1, low - 1, -1):
        ref = cast.refs.get(j)
        if ref is not None:
            return ref
    return None


def object_after(doc: Document, cast: Cast, i: int, reach: int = 6) -> int | None:
    """Nearest referent after token i within the sentence and a few words."""
    tok = object_token(doc, cast, i, reach)
    return None if tok is None else cast.refs[tok]


def object_token(doc: Document, cast: Cast, i: int, reach: int = 6) -> int | None:
    """Token of the nearest referent after token i (possessives yield to their noun)."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i + 1, min(sent.last, i + 1 + reach)):
        tok = doc.tokens[j]
        if tok.low in {".", ";", "!", "?"}:
            break
        if j in cast.refs:
            if tok.low in _POSSESSIVES and _noun_ref_follows(cast, j):
                continue
            return j
    return None


def _noun_ref_follows(cast: Cast, j: int) -> bool:
    """``my boyfriend``: the possessive is not the object, the noun after it is."""
    return (j + 1) in cast.refs or (j + 2) in cast.refs


def is_passive(doc: Document, i: int) -> bool:
    """``was chased``, ``got hit``: a be/get verb right before the participle at i (``was
    holding`` is progressive, not passive)."""
    if doc.tokens[i].low.endswith("ing"):
        return False
    for j in (i - 1, i - 2):
        if j >= 0 and doc.tokens[j].low in _BE:
            return True
        if j >= 0 and doc.tokens[j].low not in {"being", "almost", "nearly", "not", "just"}:
            break
    return False


def agent_after(doc: Document, cast: Cast, i: int) -> int | None:
    """The ``by X`` agent of a passive verb at token i."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i + 1, min(sent.last, i + 5)):
        if doc.tokens[j].low == "by":
            for k in range(j + 1, min(sent.last, j + 5)):
                ref = cast.refs.get(k)
                if ref is not None:
                    return ref
            return None
    return None


def companions(doc: Document, cast: Cast, i: int, limit: int = 1) -> list[int]:
    """Who "we" at token i includes besides the dreamer: characters of the last two sentences."""
    sent = doc.tokens[i].sentence
    out: list[int] = []
    for j in range(i - 1, max(-1, i - 60), -1):  # bounded: run-on reports have huge sentences
        if doc.tokens[j].sentence < sent - 1:
            break
        ref = cast.refs.get(j)
        if ref is not None and ref != DREAMER and ref not in out:
            out.append(ref)
    return out[:limit]


def subject_token(doc: Document, cast: Cast, i: int, reach: int = 12) -> int | None:
    """Token of the nearest referent before token i in its sentence."""
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - reach) - 1, -1):
        if j in cast.refs:
            return j
    return None


def who_label(doc: Document, cast: Cast, ref: int, tok: int | None) -> str:
    """DreamBank label of who is concerned: ``D``, ``1FKA``, or ``D + 1MKA`` for "we"."""
    label = cast.code_of(ref)
    if ref == DREAMER and tok is not None and tok in cast.we_tokens:
        others = companions(doc, cast, tok)
        if others:
            label += " + " + " + ".join(cast.code_of(o) for o in others)
    return label
