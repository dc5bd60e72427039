"""One pass over a report finds the tokens every fortune rule starts from.

Misfortune, striving, obstacle and threat rules each start from a few trigger words, and most
tokens of a report are none of them.  Instead of one pass per rule (with a look-up per token
and rule), the report's words are intersected once, in C, with the union of all the trigger
sets asked for so far, and each rule reads the positions of its own words.  The scan of the
last report is kept: ``code_fortunes`` and ``code_striving`` read the same document.
"""

from __future__ import annotations

from ..text import Document

_Scan = tuple[Document, frozenset[str], dict[str, list[int]]]

_known: frozenset[str] = frozenset()  # every trigger word asked for so far
_last: _Scan | None = None  # one entry; replaced whole, so threads never see half a scan


def _scan(doc: Document, words: frozenset[str]) -> dict[str, list[int]]:
    """Positions of every known trigger word in ``doc`` (``words`` joins the known ones)."""
    global _known, _last
    last = _last
    if last is not None and last[0] is doc and words <= last[1]:
        return last[2]
    if not words <= _known:
        _known = _known | words
    vocabulary = _known
    lows = [tok.low for tok in doc.tokens]
    present = vocabulary.intersection(lows)
    found: dict[str, list[int]] = {}
    if present:
        for i, w in enumerate(lows):
            if w in present:
                found.setdefault(w, []).append(i)
    _last = (doc, vocabulary, found)
    return found


def positions(doc: Document, words: frozenset[str]) -> list[int]:
    """Indexes of the tokens of ``doc`` whose lower-cased form is one of ``words``, ascending."""
    found = _scan(doc, words)
    hits = [i for w in words.intersection(found) for i in found[w]]
    hits.sort()
    return hits


def by_sentence(doc: Document, words: frozenset[str]) -> list[tuple[int, list[int]]]:
    """(sentence, its tokens among ``words``) for the sentences that have any, in order."""
    out: list[tuple[int, list[int]]] = []
    for i in positions(doc, words):
        s = doc.tokens[i].sentence
        if out and out[-1][0] == s:
            out[-1][1].append(i)
        else:
            out.append((s, [i]))
    return out


#: Verbs of knowing and perceiving: after "couldn't" / "failed to" they tell what a character
#: knows or notices, not the outcome of an effort (shared by the striving and obstacle rules).
KNOWING_VERBS = frozenset(
    {
        "believe",
        "decide",
        "describe",
        "explain",
        "figure",
        "hear",
        "help",
        "identify",
        "imagine",
        "know",
        "notice",
        "realize",
        "recall",
        "recognize",
        "remember",
        "resist",
        "say",
        "see",
        "stand",
        "tell",
        "think",
        "understand",
        "wait",
    }
)
