"""Tokens, sentences and clauses of a dream report, with the offsets codes point back to.

A regex tokenizer is enough for HVdC coding and keeps the coder fast (hundreds of reports a
second on one core); clause boundaries are what negation, reported speech and subject tracking
are scoped to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN_RE = re.compile(r"[A-Za-z]+(?:[''][A-Za-z]+)*|\d+|[^\sA-Za-z\d]")
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_CLAUSE_BREAK = frozenset({",", ":", "(", ")", '"', "-", "[", "]"})
_CLAUSE_WORDS = frozenset(
    {
        "and",
        "but",
        "because",
        "when",
        "while",
        "so",
        "although",
        "though",
        "until",
        "then",
        "after",
        "before",
        "since",
        "whereupon",
        "as",
        "or",
        "if",
        "where",
        "who",
        "which",
        "that",
    }
)
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "mt"})


@dataclass(slots=True)
class Token:
    """One word or punctuation mark; ``low`` is the lower-cased form lexicons are keyed by."""

    text: str
    low: str
    start: int
    end: int
    index: int
    sentence: int = 0
    clause: int = 0
    #: Starts with a letter (set once here: every category asks, ~1 600 times a report).
    is_word: bool = False

    @property
    def capitalized(self) -> bool:
        return self.text[0].isupper()


@dataclass(slots=True)
class Sentence:
    """A sentence as a half-open token index range ``[first, last)``."""

    first: int
    last: int
    clauses: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A tokenized report: tokens plus sentence and clause ranges over them."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]

    def span_text(self, first: int, last: int) -> tuple[tuple[int, int], str]:
        """The character span and text covered by tokens ``[first, last]`` (inclusive)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        return (start, end), self.text[start:end]


def word_set(blob: str) -> frozenset[str]:
    """A word list written as one space-separated string (how the rule modules spell theirs)."""
    return frozenset(blob.split())


def tokenize(text: str) -> list[Token]:
    """Split into words (keeping contractions whole) and single punctuation marks."""
    tokens: list[Token] = []
    for i, m in enumerate(_TOKEN_RE.finditer(text)):
        raw = m.group()
        low = raw.replace("\u2019", "'").lower()
        tokens.append(Token(raw, low, m.start(), m.end(), i, is_word=raw[0].isalpha()))
    return tokens


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.low not in _SENTENCE_END:
        return False
    if tok.low == "." and i > 0 and tokens[i - 1].low in _ABBREVIATIONS:
        return False
    # an initial such as "Jimmy L." does not end the sentence
    return not (
        tok.low == "." and i > 0 and len(tokens[i - 1].text) == 1 and tokens[i - 1].capitalized
    )


def segment(text: str) -> Document:
    """Tokenize and mark sentence and clause indexes on every token."""
    tokens = tokenize(text)
    sentences: list[Sentence] = []
    start = 0
    for i in range(len(tokens)):
        if _ends_sentence(tokens, i) or i == len(tokens) - 1:
            sentences.append(Sentence(start, i + 1))
            start = i + 1
    clause = 0
    for s_index, sent in enumerate(sentences):
        c_start = sent.first
        for i in range(sent.first, sent.last):
            tok = tokens[i]
            if i > c_start and (tok.low in _CLAUSE_BREAK or tok.low in _CLAUSE_WORDS):
                sent.clauses.append((c_start, i))
                clause += 1
                c_start = i
            tok.sentence, tok.clause = s_index, clause
        sent.clauses.append((c_start, sent.last))
        clause += 1
    return Document(text, tokens, sentences)
