"""Choosing the sentences worth parsing: the parser is the coder's largest cost.

A sentence is parsed when it holds an aggression or sexuality act and a character (the
parse reads ``I was pushed`` with one character named), or a friendly act that word order
would code between two characters named there — the parse then confirms or corrects it
(a thing given, not a person; a negated or someone else's act) — or a marriage word,
whose couple word order cannot tell.
"""

from __future__ import annotations

from ..cast.model import Cast
from ..text import Document
from .acts import act_tokens, false_sense, verb
from .marriage import is_marriage
from .order import participants
from .senses import SKIP, not_an_interaction

_ALWAYS = ("aggression", "sexuality")


def _act_at(doc: Document, i: int, category: str) -> tuple[str, int] | None:
    """(lemma, level) of a lexicon act of the category at token i, in a sense that may be one."""
    found = verb(doc, i, category)
    return None if found is None or false_sense(doc, i, found[0]) else found


def _friendly_worth_parsing(doc: Document, cast: Cast, i: int) -> bool:
    found = _act_at(doc, i, "friendliness")
    if found is None:
        return False
    lemma, level = found
    if is_marriage(lemma):
        return _has_refs(doc, cast, doc.tokens[i].sentence, 1)
    if not _has_refs(doc, cast, doc.tokens[i].sentence, 2) or not_an_interaction(
        doc, cast, i, lemma
    ):
        return False
    return participants(doc, cast, i, lemma, level, "friendliness") != SKIP


def candidate_sentences(doc: Document, cast: Cast) -> list[int]:
    """Indexes of the sentences to parse (see the module docstring)."""
    chosen: set[int] = set()
    acts = act_tokens(doc)
    for category in _ALWAYS:
        for i in acts[category]:
            s = doc.tokens[i].sentence
            if s not in chosen and _act_at(doc, i, category) and _has_refs(doc, cast, s, 1):
                chosen.add(s)
    for i in acts["friendliness"]:
        s = doc.tokens[i].sentence
        if s not in chosen and _friendly_worth_parsing(doc, cast, i):
            chosen.add(s)
    return sorted(chosen)


def _has_refs(doc: Document, cast: Cast, s: int, least: int) -> bool:
    """At least ``least`` words of sentence s refer to characters."""
    sent = doc.sentences[s]
    return sum(1 for j in range(sent.first, sent.last) if j in cast.refs) >= least
