"""Misfortune (M1..M6), good fortune, success and failure, each with whom it befalls.

Misfortunes are bad things that happen to a character without anyone's intent (obstacles,
falls, losses, threats from the environment, illness, death); success and failure are coded
only where the report shows striving (``tried``), which keeps ``I couldn't remember`` out.
"""

from __future__ import annotations

from .cast import DREAMER, Cast
from .lexicon import table
from .participants import subject_before
from .text import Document
from .types import Code

_NEGATORS = frozenset({"not", "never", "no", "didn't", "wasn't", "weren't", "nor", "without"})
_STRIVE = frozenset(
    "attempted desperately effort struggled struggling tried tries try trying worked".split()
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


_SURE_SUCCESS = frozenset({"managed", "succeeded", "successfully", "flawlessly"})
_SURE_FAILURE = frozenset({"failed", "unable", "flunked", "unsuccessfully", "useless"})
_MADE_IT = frozenset({"in", "to", "through", ".", ",", "back", "home", "safely", "!", "just"})
_SELF = frozenset({"i", "we"})
_SEARCH = frozenset({"looking", "looked", "searching", "searched", "hunted", "hunting", "search"})


def _negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 3) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


def _who(doc: Document, cast: Cast, i: int) -> str:
    ref = subject_before(doc, cast, i, reach=10)
    return cast.code_of(DREAMER if ref is None else ref)


def _match(doc: Document, i: int, lex) -> str | None:  # type: ignore[no-untyped-def]
    w = doc.tokens[i].low
    for rest, value in lex.phrases.get(w, ()):
        words = tuple(
            doc.tokens[j].low for j in range(i + 1, min(len(doc.tokens), i + 1 + len(rest)))
        )
        if words == rest:
            return value
    value = lex.words.get(w)
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    if value is not None and nxt in _NOT_MISFORTUNE_NEXT.get(w, ()):
        return None
    return value


def code_fortunes(doc: Document, cast: Cast) -> list[Code]:
    """Misfortune and good-fortune codes, one per class and person per sentence."""
    lex = table("misfortune")
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    for i, tok in enumerate(doc.tokens):
        if not tok.is_word:
            continue
        value = _match(doc, i, lex)
        if value is None or _negated(doc, i):
            continue
        who = _who(doc, cast, i)
        key = (tok.sentence, value[:1])
        if key in seen:
            continue
        seen.add(key)
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
        if w in _SURE_FAILURE or (w in {"no", "in"} and nxt in {"use", "vain"}):
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
        strove_before, searched_before = strive_here, search_here
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
