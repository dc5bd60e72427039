"""Which of a dream's symbols come first: the images the dream is about, not the first named.

A symbol whose words carry an act (a chase, a hug, a fall: an HVdC interaction or misfortune)
leads; then one that is a character or the setting; then the rest in text order. So «за мной
гнался мужчина по лестнице к маме» shows the chase, the mother and the stairs before a window
mentioned in passing.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.analysis.hvdc.types import Coding
from core.interpret.types import SymbolHit

_ACTS = frozenset({"aggression", "friendliness", "sexuality", "misfortune"})
_FIGURES = frozenset({"characters", "settings", "emotions"})


def _weight(hit: SymbolHit, spans: dict[str, list[tuple[int, int]]]) -> int:
    start, end = hit.span

    def overlaps(kind: frozenset[str]) -> bool:
        return any(s < end and start < e for cat in kind for s, e in spans.get(cat, []))

    if overlaps(_ACTS):
        return 2
    return 1 if overlaps(_FIGURES) else 0


def rank_by_salience(hits: Iterable[SymbolHit], coding: Coding) -> list[SymbolHit]:
    """The hits, most salient first (stable: equal weight keeps text order)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for code in coding.codes:
        if code.span is not None:
            spans.setdefault(code.category, []).append(code.span)
    return sorted(hits, key=lambda hit: -_weight(hit, spans))
