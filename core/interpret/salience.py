"""Which of a dream's symbols lead the reading: the ones that carry the dream, not its backdrop.

A chase nightmare set in a house at night is about the chase. A symbol weighs more when it is
an action or a threat, when the dreamer's own feeling is stated in the same sentence, when it
comes back several times in the report or across the user's dreams; the setting's furniture
(house, room, night, sky) counts least. Ties keep the order of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.interpret.feelings import feelings
from core.interpret.types import SymbolHit


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


ACTIONS = _keys(
    "chase falling flying drowning swimming fight driving eating dance performance exam late "
    "lost paralysis kiss birth death funeral wedding naked teeth "
    "pregnancy journey"
)
THREATS = _keys(
    "monster snake spider wolf bear rat insects lion knife weapon fire flood storm earthquake "
    "zombie ghost devil witch dragon police soldier blood wound abyss volcano clown alien "
    "prison smoke darkness grave"
)
FIGURES = _keys(
    "mother father sister brother grandmother grandfather husband wife friend ex_partner lover "
    "stranger crowd boss teacher baby child king angel old_man dog cat horse bird fish"
)
#: The dreamer's own reactions (crying, screaming, laughing): they tell the feeling, which the
#: reading names anyway, so they never lead in place of what caused them.
EXPRESSIONS = _keys("crying scream laughter")
BACKDROP = _keys(
    "house room door window stairs basement attic kitchen toilet bed school work city village "
    "hotel road forest garden beach sea water river sky night sun moon stars light snow wind "
    "rain church hospital shop tunnel wall"
)
_WEIGHT = {
    "action": 3.0,
    "threat": 2.5,
    "figure": 1.5,
    "object": 1.2,
    "expression": 0.8,
    "backdrop": 0.5,
}
#: How much a feeling stated beside a symbol adds: the furniture of a scene gains little from it.
_FELT = {"expression": 0.0, "backdrop": 0.5}
_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*", re.UNICODE)


def role(key: str) -> str:
    """action | threat | figure | expression | backdrop | object."""
    if key in EXPRESSIONS:
        return "expression"
    if key in ACTIONS:
        return "action"
    if key in THREATS:
        return "threat"
    if key in FIGURES:
        return "figure"
    return "backdrop" if key in BACKDROP else "object"


@dataclass(frozen=True, slots=True)
class Ranked:
    hit: SymbolHit
    score: float
    mentions: int
    feeling: str | None  # the feeling stated in a sentence that names the symbol, if any


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _stem(word: str) -> str:
    """A pattern for the word's other forms: Russian inflects (волк, волка, волком)."""
    if not re.search(r"[а-яё]", word) or len(word) <= 3:
        return re.escape(word)
    stem = word if len(word) <= 4 else word[:-2]
    return re.escape(stem) + r"\w{0,3}"


def _positions(text: str, hit: SymbolHit) -> list[int]:
    """Where the symbol's word occurs ("last night" names a time, not an image, as the matcher
    also knows); at least its own span."""
    word = hit.evidence.strip().lower()
    if not word:
        return [hit.span[0]]
    pattern = rf"(?<!last )(?<!other )(?<!прошлой )(?<!этой )\b{_stem(word)}\b"
    found = [m.start() for m in re.finditer(pattern, text.lower())]
    return found or [hit.span[0]]


def _sentence_of(spans: list[tuple[int, int]], at: int) -> int:
    return next((i for i, (a, b) in enumerate(spans) if a <= at < b), -1)


def rank_symbols(
    text: str, hits: Sequence[SymbolHit], recurring: Sequence[str] = ()
) -> list[Ranked]:
    """``hits`` ordered by salience, most salient first."""
    spans = _sentences(text)
    felt: dict[int, str] = {}
    for stated in feelings(text):
        if not stated.ended:
            felt.setdefault(_sentence_of(spans, stated.at), stated.kind)
    ranked: list[tuple[float, int, Ranked]] = []
    for order, hit in enumerate(hits):
        positions = _positions(text, hit)
        kind = role(hit.key)
        feeling = next((felt[s] for p in positions if (s := _sentence_of(spans, p)) in felt), None)
        score = _WEIGHT[kind] + min(len(positions) - 1, 2) * 0.8
        score += _FELT.get(kind, 1.5) if feeling is not None else 0.0
        score += 1.0 if hit.key in recurring else 0.0
        ranked.append((-score, order, Ranked(hit, score, len(positions), feeling)))
    return [r for _score, _order, r in sorted(ranked, key=lambda t: (t[0], t[1]))]
