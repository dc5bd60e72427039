"""Word error rate as the product owner scores it: words compared lowercase without
punctuation, ё = е; a group's WER is pooled (all word errors ÷ all reference words), so
long clips weigh as much as their words, not more."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """``"Во сне, я ЁЖИК!"`` → ``["во", "сне", "я", "ежик"]``."""
    normalized = text.lower().replace("ё", "е").replace("’", "'")
    return _WORD.findall(normalized)


def word_errors(reference: str, hypothesis: str) -> int:
    """Substitutions + deletions + insertions (Levenshtein distance over words)."""
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, start=1):
        current = [i]
        for j, hyp_word in enumerate(hyp, start=1):
            cost = 0 if ref_word == hyp_word else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class GroupScore:
    errors: int
    reference_words: int

    @property
    def wer(self) -> float:
        return self.errors / self.reference_words if self.reference_words else 0.0


def pooled_wer(pairs: Iterable[tuple[str, str]]) -> GroupScore:
    """Pooled score of ``(reference, hypothesis)`` pairs."""
    errors = total = 0
    for reference, hypothesis in pairs:
        errors += word_errors(reference, hypothesis)
        total += len(words(reference))
    return GroupScore(errors, total)
