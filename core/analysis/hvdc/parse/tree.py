"""A dependency parse laid over the coder's own tokens.

The parser tokenizes differently (``didn't`` is ``did`` + ``n't``), so each arc is mapped to the
coder token that holds its first character; an arc inside the same coder token as its head
(``n't`` of ``didn't``) is kept as a child of the head's head, which is where it belongs
(``didn't hit``: ``n't`` negates ``hit``).  Only the sentences asked for are parsed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..text import Document
from .model import Arc, SentenceParser


@dataclass(slots=True)
class Parse:
    """Relations between the coder's tokens, for the parsed sentences only."""

    #: token -> (relation, head token); a root is its own head.
    arcs: dict[int, tuple[str, int]] = field(default_factory=dict)
    #: head token -> [(relation, child token)] in text order.
    children: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    sentences: frozenset[int] = frozenset()

    def covers(self, sentence: int) -> bool:
        """True when this sentence was parsed."""
        return sentence in self.sentences

    def dep(self, i: int) -> str:
        """The relation of token i to its head (``""`` when not parsed)."""
        found = self.arcs.get(i)
        return found[0] if found else ""

    def head(self, i: int) -> int:
        """The head of token i (i itself for a root or an unparsed token)."""
        found = self.arcs.get(i)
        return found[1] if found else i

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token i with one of the relations ``deps`` (all when none given)."""
        return [c for d, c in self.children.get(i, ()) if not deps or d in deps]


EMPTY = Parse()


def parse_sentences(doc: Document, wanted: list[int], parser: SentenceParser) -> Parse:
    """Parse the sentences ``wanted`` (indexes into ``doc.sentences``) of one report."""
    return parse_many([(doc, wanted)], parser)[0]


def parse_many(asked: list[tuple[Document, list[int]]], parser: SentenceParser) -> list[Parse]:
    """Parse the chosen sentences of many reports in one batch; one :class:`Parse` each."""
    spans = [[_char_span(doc, s) for s in wanted] for doc, wanted in asked]
    texts = [
        doc.text[a:b]
        for (doc, _), doc_spans in zip(asked, spans, strict=True)
        for a, b in doc_spans
    ]
    parsed = iter(parser.parse(texts) if texts else [])
    return [
        _laid(doc, wanted, doc_spans, parsed)
        for (doc, wanted), doc_spans in zip(asked, spans, strict=True)
    ]


def _laid(
    doc: Document, wanted: list[int], spans: list[tuple[int, int]], parsed: Iterator[list[Arc]]
) -> Parse:
    """One report's parse, from the next ``len(wanted)`` parsed texts."""
    mine = [next(parsed) for _ in wanted]
    if not any(mine):
        return EMPTY
    starts = [t.start for t in doc.tokens]
    out = Parse(sentences=frozenset(s for s, arcs in zip(wanted, mine, strict=True) if arcs))
    for (offset, _end), arcs in zip(spans, mine, strict=True):
        _lay(out, arcs, offset, starts)
    return out


def _char_span(doc: Document, s: int) -> tuple[int, int]:
    sent = doc.sentences[s]
    return doc.tokens[sent.first].start, doc.tokens[sent.last - 1].end


def _lay(out: Parse, arcs: list[Arc], offset: int, starts: list[int]) -> None:
    """Map one parsed text's arcs onto coder tokens (see the module docstring)."""
    owner = [bisect.bisect_right(starts, offset + a.start) - 1 for a in arcs]
    for k, arc in enumerate(arcs):
        tok, head_arc = owner[k], arc.head
        if owner[head_arc] == tok and head_arc != k:
            if tok in out.arcs:
                continue  # "did" of "didn't" already placed this token
            head_arc = arcs[head_arc].head  # "n't" hangs on "did": move it up to "hit"
        head = owner[head_arc]
        if tok not in out.arcs:
            out.arcs[tok] = (arc.dep, head)
        elif arc.dep == "neg" and head != tok:
            out.children.setdefault(head, []).append(("neg", tok))
            continue
        else:
            continue
        if head != tok:
            out.children.setdefault(head, []).append((arc.dep, tok))
