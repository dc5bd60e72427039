"""Misfortune (M1..M6), good fortune, success and failure, each with whom it befalls.

Misfortunes are bad things that happen to a character without anyone's intent (obstacles,
falls, losses, threats from the environment, illness, death); success and failure are coded
only where the report shows striving (``tried``), which keeps ``I couldn't remember`` out.
"""

from __future__ import annotations

from .cast import DREAMER, Cast
from .lexicon import PhraseTable, table
from .participants import subject_before, subject_token, who_label
from .text import Document
from .types import Code

_NEGATORS = frozenset({"not", "never", "no", "didn't", "wasn't", "weren't", "nor", "without"})
_STRIVE = frozenset(
    {
        "attempted",
        "desperately",
        "effort",
        "struggled",
        "struggling",
        "tried",
        "tries",
        "try",
        "trying",
        "worked",
    }
)
_FAIL = frozenset(
    {
        "couldn't",
        "can't",
        "cannot",
        "unable",
        "failed",
        "fail",
        "vain",
        "useless",
        "impossible",
        "wouldn't",
    }
)
_NOT_MISFORTUNE_NEXT = {
    "fell": {"asleep", "in", "for"},
    "fall": {"asleep", "in", "for"},
    "late": {"afternoon", "evening", "at", "in", "that", "one", "summer"},
    "lost": {"interest"},
    "fire": {"place", "places", "escape"},
    "missed": {"him", "her", "them", "you"},
    "sick": {"of"},
}


_SURE_SUCCESS = frozenset({"managed", "succeeded", "successfully", "flawlessly", "safely", "won"})
_SURE_FAILURE = frozenset({"failed", "unable", "flunked", "unsuccessfully", "useless"})
_MADE_IT = frozenset({"in", "to", "through", ".", ",", "back", "home", "safely", "!", "just"})
_SELF = frozenset({"i", "we"})
_MENTAL = frozenset(
    {
        "remember",
        "recall",
        "understand",
        "see",
        "believe",
        "tell",
        "help",
        "imagine",
        "say",
        "figure",
        "think",
        "decide",
        "explain",
        "recognize",
        "place",
        "describe",
        "identify",
    }
)
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
_SEARCH = frozenset({"looking", "looked", "searching", "searched", "hunted", "hunting", "search"})


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 3) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _who(doc: Document, cast: Cast, i: int) -> str:
    tok = subject_token(doc, cast, i, reach=10)
    return who_label(doc, cast, DREAMER if tok is None else cast.refs[tok], tok)


def _match(doc: Document, i: int, lex: PhraseTable) -> str | None:
    w = doc.tokens[i].low
    for rest, value in lex.phrases.get(w, ()):
        words = tuple(
            doc.tokens[j].low for j in range(i + 1, min(len(doc.tokens), i + 1 + len(rest)))
        )
        if words == rest:
            return value
    value = lex.words.get(w)
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if w == "broke" and nxt in {
        "up",
        "away",
        "out",
        "into",
        "off",
        "free",
        "loose",
        "through",
        "in",
    }:
        return None
    if value == "M5" and w == "broke":  # "broke my arm" hurts; "broke my glasses" is a loss
        owned = doc.tokens[i + 2].low if i + 2 < len(doc.tokens) else ""
        return "M5" if table("objects").words.get(owned, "").startswith("B") else "M3"
    if value is not None and nxt in _NOT_MISFORTUNE_NEXT.get(w, ()):
        return None
    return value


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
    if value == "M2":
        return not any((j in cast.refs) for j in range(max(0, i - 3), i))
    return False


def code_fortunes(doc: Document, cast: Cast) -> list[Code]:
    """Misfortune and good-fortune codes, one per class and person per sentence."""
    lex = table("misfortune")
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    seen_kinds: set[tuple[str, str]] = set()
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word:
            continue
        value = _match(doc, i, lex)
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
    return codes


def _outcome(words: list[str], striving: bool, searched: bool) -> tuple[str, str, int] | None:
    """("failure"|"success", label, word offset) of one sentence, if it tells an outcome."""
    for n, w in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else ""
        prev = words[n - 1] if n else ""
        if w in _SURE_SUCCESS or (w == "made" and nxt == "it" and _after(words, n + 2) in _MADE_IT):
            return "success", "SU", n
        if (w == "it" and nxt == "worked") or (w == "in" and nxt == "time" and prev != "back"):
            return "success", "SU", n
        if w in _SURE_FAILURE or (w in {"no", "in"} and nxt in {"use", "vain"}):
            return "failure", "FL", n
        if w in {"gave", "give", "giving"} and nxt == "up":
            return "failure", "FL", n
        if w in {"couldn't", "can't"} and nxt == "find":
            return "failure", "FL", n
        if w == "found" and searched and prev in _SELF and "not" not in words[:n]:
            return "success", "SU", n
        if not striving:
            continue
        if w in _FAIL or (w == "not" and prev in {"could", "would"}):
            return "failure", "FL", n
        if (w == "finally" and (prev in _SELF or nxt in _SELF)) or (w == "able" and prev == "was"):
            return "success", "SU", n
    return None


def _after(words: list[str], n: int) -> str:
    return words[n] if n < len(words) else "."


def _obstacle(doc: Document, cast: Cast, first: int, last: int) -> int | None:
    """Token of ``couldn't``/``impossible`` when the dreamer is blocked without striving:
    an obstacle, the mildest misfortune (M1).  Not for what she can't remember or tell."""
    toks = doc.tokens
    for j in range(first, last):
        w = toks[j].low
        nxt = toks[j + 1].low if j + 1 < last else ""
        if w == "could" and nxt in {"not", "hardly"}:
            nxt = toks[j + 2].low if j + 2 < last else ""
        elif w not in {"couldn't", "can't", "cannot", "impossible"}:
            continue
        if nxt in _MENTAL or (toks[j].low == "impossible" and nxt != "for"):
            continue
        if subject_before(doc, cast, j, reach=4) == DREAMER:
            return j
    return None


def code_striving(doc: Document, cast: Cast) -> list[Code]:
    """Success and failure codes for sentences that show the character striving; one per
    outcome and person per dream, as coders count a striving once."""
    codes: list[Code] = []
    seen: set[str] = set()
    strove_before = searched_before = False
    for sent in doc.sentences:
        words = [doc.tokens[j].low for j in range(sent.first, sent.last)]
        strive_here = any(w in _STRIVE for w in words)
        search_here = any(w in _SEARCH for w in words)
        found = _outcome(words, strive_here or strove_before, search_here or searched_before)
        blocked = not (strive_here or strove_before) and _obstacle(doc, cast, sent.first, sent.last)
        strove_before, searched_before = strive_here, search_here
        if found is None and blocked and "M1" not in seen:
            seen.add("M1")
            (start, end), text = doc.span_text(blocked, blocked)
            codes.append(Code("misfortune", "M1, D", (start, end), text))
        if found is None:
            continue
        category, label, n = found
        at = sent.first + n
        code = f"{label}, {_who(doc, cast, at)}"
        if code in seen:
            continue
        seen.add(code)
        (start, end), text = doc.span_text(at, at)
        codes.append(Code(category, code, (start, end), text))
    return codes
