"""Small, language-aware repairs of a transcript that need no model.

Whisper often glues a Russian preposition or "не" to the next word ("восне", "незнаю",
"вдоме"). A token the Russian dictionary does not know, which splits into such a word plus a
known word, is split; every known word is left alone, so correct text is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

#: Longest first, so "во|сне" wins over "в|осне".
_RU_GLUED = sorted(
    (
        "в",
        "во",
        "с",
        "со",
        "к",
        "ко",
        "о",
        "об",
        "обо",
        "у",
        "на",
        "по",
        "за",
        "из",
        "до",
        "от",
        "под",
        "над",
        "без",
        "при",
        "про",
        "не",
        "ни",
    ),
    key=len,
    reverse=True,
)
_MIN_REST = 3
_TOKEN = re.compile(r"[А-Яа-яЁё]+")


@lru_cache(maxsize=1)
def _morph() -> MorphAnalyzer | None:
    try:
        from pymorphy3 import MorphAnalyzer
    except ImportError:  # the asr extra brings it; without it transcripts are left as heard
        return None
    return MorphAnalyzer(lang="ru")


def tidy_transcript(text: str, language: str) -> str:
    """The transcript with glued words split where the dictionary is sure; else unchanged."""
    if language != "ru":
        return text
    morph = _morph()
    if morph is None:
        return text
    return _TOKEN.sub(lambda match: _split_glued(match.group(0), morph), text)


def _split_glued(token: str, morph: MorphAnalyzer) -> str:
    lower = token.lower()
    if len(lower) < _MIN_REST + 1 or morph.word_is_known(lower):
        return token
    for head in _RU_GLUED:
        rest = lower[len(head) :]
        if lower.startswith(head) and len(rest) >= _MIN_REST and morph.word_is_known(rest):
            return f"{token[: len(head)]} {token[len(head) :]}"
    return token
