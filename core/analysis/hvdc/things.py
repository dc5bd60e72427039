"""Objects, modifiers and activities: the lexicon-driven, lower-priority HVdC categories.

Objects are coded once per distinct noun per dream (as coders do for a room named five times);
modifiers once per adjective occurrence; activities once per verb with its subject and, for
verbal and physical acts aimed at someone, its recipient.
"""

from __future__ import annotations

from .cast.model import Cast
from .lexicon import lemma_candidates, table
from .participants import object_after, subject_before
from .text import Document
from .types import Code

_PREDICATE_BEFORE = frozenset(
    {
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "felt",
        "looked",
        "seemed",
        "very",
        "so",
        "too",
        "quite",
        "rather",
        "a",
        "an",
        "the",
        "and",
    }
)
_AUXILIARY_NEXT = frozenset({"to"})
_DIRECTED = frozenset({"V", "P"})
#: A verb after these is a noun or an act only meant, wished or feared, not one done.
_NOT_DONE_BEFORE = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "his",
        "her",
        "to",
        "would",
        "could",
        "should",
        "might",
        "will",
        "can't",
        "couldn't",
        "wouldn't",
        "not",
        "didn't",
        "don't",
        "never",
    }
)
#: Words that are body parts only when someone's: "my back", not "came back".
_OWNED_ONLY = frozenset({"back", "head", "hand", "face", "heart", "body", "ground", "chest"})
_OWNERS = frozenset({"my", "his", "her", "their", "our", "your", "its", "the"})


def code_objects(doc: Document) -> list[Code]:
    """One object code per distinct object noun in the report."""
    words = table("objects").words
    seen: set[str] = set()
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        cls = words.get(tok.low)
        stem = tok.low[:-1] if tok.low.endswith("s") and len(tok.low) > 3 else tok.low
        if cls is None or stem in seen:
            continue
        prev = doc.tokens[i - 1].low if i > 0 else ""
        if tok.low in _OWNED_ONLY and prev not in _OWNERS:
            continue
        seen.add(stem)
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("objects", cls, (start, end), text))
    return codes


def code_modifiers(doc: Document) -> list[Code]:
    """Modifier codes (size, evaluation, age, velocity, density, temperature, colour...)."""
    words = table("modifiers").words
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        mod = words.get(tok.low)
        if mod is None:
            continue
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("modifiers", mod, (start, end), text))
    return codes


def _activity(word: str, verbs: dict[str, str]) -> str | None:
    for cand in lemma_candidates(word):
        cls = verbs.get(cand)
        if cls is not None:
            return cls
    return None


def code_activities(doc: Document, cast: Cast) -> list[Code]:
    """Activity codes such as ``D M``, ``1MKA V> D`` for verbs whose subject is known."""
    verbs = table("activities").words
    codes: list[Code] = []
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word or tok.low in {"dream", "dreamed", "dreamt"}:
            continue
        cls = _activity(tok.low, verbs)
        prev = doc.tokens[i - 1].low if i > 0 else ""
        if cls is None or prev in _NOT_DONE_BEFORE:
            continue
        subject = subject_before(doc, cast, i, reach=6)
        if subject is None:
            continue
        code = f"{cast.code_of(subject)} {cls}"
        if cls in _DIRECTED:
            target = object_after(doc, cast, i, reach=3)
            if target is not None and target != subject:
                code += f"> {cast.code_of(target)}"
        (start, end), text = doc.span_text(i, i)
        codes.append(Code("activities", code, (start, end), text))
    return codes
