"""Dependency parses of the sentences that can hold a code, aligned with the coder's tokens.

The rule coder reads who did what to whom from a real parse where one is installed (the
``nlp`` extra: spaCy with its small English pipeline, see :mod:`.model`), and from word order
where not.  Only the sentences a cheap pre-filter picks (:mod:`.prefilter`) are parsed, so the
coder keeps its throughput; :mod:`.tree` maps the parser's arcs onto the coder's tokens.
"""

from .model import NO_PARSER, Arc, SentenceParser, default_parser
from .tree import Parse, parse_many, parse_sentences

__all__ = [
    "NO_PARSER",
    "Arc",
    "Parse",
    "SentenceParser",
    "default_parser",
    "parse_many",
    "parse_sentences",
]
