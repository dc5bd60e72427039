"""Misfortune (M1..M6), good fortune, success and failure, each with whom it befalls.

Misfortunes are bad things that happen to a character without anyone's intent (obstacles,
falls, losses, threats from the environment, illness, death); success and failure
(``code_striving``) live in ``fortune.striving``.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import PhraseTable, table
from ..participants import subject_token
from ..text import Document
from ..types import Code
from .companions import companions_of_we
from .cues import first_words
from .rules import environmental_threat, refine
from .scan import positions

_NEGATORS = frozenset({"not", "never", "no", "didn't", "wasn't", "weren't", "nor", "without"})
_NOT_MISFORTUNE_NEXT = {
    "fell": {"asleep", "in", "for"},
    "fall": {"asleep", "in", "for"},
    "late": {"afternoon", "evening", "at", "in", "that", "one", "summer"},
    "lost": {"interest"},
    "fire": {"place", "places", "escape"},
    "missed": {"him", "her", "them", "you"},
    "sick": {"of"},
}


_HYPOTHETICAL = frozenset(
    {
        "would",
        "might",
        "could",
        "if",
        "afraid",
        "lest",
        "feared",
        "fear",
        "should",
        "may",
        "wondered",
        "whether",
        "get",
    }
)
_DEAD_BEFORE = frozenset(
    {
        "was",
        "were",
        "is",
        "be",
        "been",
        "lay",
        "lying",
        "found",
        "fell",
        "dropped",
        "struck",
        "down",
        "already",
        "lie",
    }
)
_LATE_BEFORE = frozenset(
    {"too", "was", "were", "be", "am", "been", "being", "so", "very", "get", "got"}
)


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 3) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _who(doc: Document, cast: Cast, i: int) -> str:
    """Whom the misfortune befalls: the subject before it; "we" names its companions."""
    tok = subject_token(doc, cast, i, reach=10)
    ref = DREAMER if tok is None else cast.refs[tok]
    if ref == DREAMER and tok is not None and tok in cast.we_tokens:
        return " + ".join(["D", *(cast.code_of(o) for o in companions_of_we(doc, cast, tok))])
    return cast.code_of(ref)


def _match(doc: Document, i: int, cast: Cast, lex: PhraseTable) -> str | None:
    """The misfortune class of the lexicon word or phrase at token i in its context."""
    w = doc.tokens[i].low
    for rest, value in lex.phrases.get(w, ()):
        words = tuple(
            doc.tokens[j].low for j in range(i + 1, min(len(doc.tokens), i + 1 + len(rest)))
        )
        if words == rest:
            return value
    listed = lex.words.get(w)
    if listed is None:
        return None
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if nxt in _NOT_MISFORTUNE_NEXT.get(w, ()):
        return None
    return refine(doc, cast, i, listed)


def _not_actual(doc: Document, i: int, cast: Cast, value: str) -> bool:
    """Misfortunes that do not happen in the dream: feared, hypothetical, figures of speech."""
    toks = doc.tokens
    w = toks[i].low
    prev = [toks[j].low for j in range(max(0, i - 4), i)]
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if any(p in _HYPOTHETICAL for p in prev):
        return True
    if w == "dead" and (not prev or prev[-1] not in _DEAD_BEFORE):
        return True
    if w == "late" and nxt != "for" and (not prev or prev[-1] not in _LATE_BEFORE):
        return True
    if w == "death" and prev and prev[-1] == "to":
        return True
    if value == "M2" or w in {"crash", "crashed", "accident", "collided"}:
        return not any((j in cast.refs) for j in range(max(0, i - 3), i))
    return False


def code_fortunes(doc: Document, cast: Cast) -> list[Code]:
    """Misfortune and good-fortune codes, one per class and person per sentence."""
    lex = table("misfortune")
    starts = first_words("misfortune")
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    seen_kinds: set[tuple[str, str]] = set()
    # only the few tokens an entry can start at (one scan of the report finds them)
    for i in positions(doc, starts):
        tok = doc.tokens[i]
        if not tok.is_word:
            continue
        value = _match(doc, i, cast, lex)
        if value is None or _negated(doc, i) or _not_actual(doc, i, cast, value):
            continue
        who = _who(doc, cast, i)
        # one misfortune per sentence, and one of a kind per person per dream: a fire told
        # over five sentences is one misfortune
        if (tok.sentence, value[:1]) in seen or (value, who) in seen_kinds:
            continue
        seen.add((tok.sentence, value[:1]))
        seen_kinds.add((value, who))
        category = "good_fortune" if value == "GF" else "misfortune"
        (start, end), text = doc.span_text(i, i)
        codes.append(Code(category, f"{value}, {who}", (start, end), text))
    threat = environmental_threat(doc, cast)
    if threat is not None and ("M3", "D") not in seen_kinds:
        (start, end), text = doc.span_text(threat, threat)
        codes.append(Code("misfortune", "M3, D", (start, end), text))
    return codes
