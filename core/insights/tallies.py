"""Counting over analysed dreams: emotions by month, the most frequent symbols and characters.

Pure functions over plain rows, so they are tested without a database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.analysis.norms.notation import NotationError, parse_character, parse_emotion
from core.analysis.symbols.dictionary import get_symbol
from core.i18n import N_, gettext

EMOTIONS: tuple[str, ...] = ("HA", "AP", "AN", "SD", "CO")
EMOTION_NAMES: dict[str, str] = {
    "HA": N_("happiness"),
    "AP": N_("apprehension"),
    "AN": N_("anger"),
    "SD": N_("sadness"),
    "CO": N_("confusion"),
}
#: Character identities grouped the way a person thinks of them.
CHARACTER_GROUPS: dict[str, str] = {
    **dict.fromkeys("FMXBTHWADCIYR", N_("family")),
    "K": N_("people you know"),
    "P": N_("prominent people"),
    "O": N_("people by occupation"),
    "E": N_("people by nationality"),
    "S": N_("strangers"),
    "U": N_("people you could not place"),
}
ANIMALS = N_("animals")
CREATURES = N_("imaginary creatures")


@dataclass(frozen=True, slots=True)
class AnalysedDream:
    """One analysed dream as the tallies see it."""

    when: datetime
    mood: str
    card: Mapping[str, Sequence[str]]
    symbols: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MonthMoods:
    month: str  # "2026-03"
    dreams: int
    moods: dict[str, int]
    emotions: dict[str, int]  # dreams with at least one coded emotion of each kind


@dataclass(frozen=True, slots=True)
class Ranked:
    key: str
    label: str
    count: int


def _emotion_kinds(card: Mapping[str, Sequence[str]]) -> set[str]:
    kinds: set[str] = set()
    for code in card.get("emotions", ()):
        try:
            kinds.add(parse_emotion(code).kind)
        except NotationError:
            continue
    return kinds


def moods_by_month(dreams: Iterable[AnalysedDream]) -> list[MonthMoods]:
    """Per calendar month (in the dreams' own time): moods and dreams with each emotion."""
    months: dict[str, tuple[Counter[str], Counter[str], list[int]]] = {}
    for dream in sorted(dreams, key=lambda d: d.when):
        key = dream.when.strftime("%Y-%m")
        moods, emotions, count = months.setdefault(key, (Counter(), Counter(), [0]))
        count[0] += 1
        moods[dream.mood] += 1
        emotions.update(_emotion_kinds(dream.card))
    return [
        MonthMoods(month, count[0], dict(moods), {k: emotions.get(k, 0) for k in EMOTIONS})
        for month, (moods, emotions, count) in months.items()
    ]


def top_symbols(dreams: Iterable[AnalysedDream], locale: str, limit: int = 10) -> list[Ranked]:
    """Symbols by the number of dreams they appear in."""
    counts: Counter[str] = Counter()
    for dream in dreams:
        counts.update(set(dream.symbols))
    ranked = []
    for key, count in counts.most_common(limit):
        entry = get_symbol(key)
        ranked.append(Ranked(key, entry.label(locale) if entry else key, count))
    return ranked


def _character_group(code: str) -> str | None:
    try:
        character = parse_character(code)
    except NotationError:
        return None
    if character.kind == "animal":
        return ANIMALS
    if character.kind == "creature":
        return CREATURES
    return CHARACTER_GROUPS.get(character.identity)


def top_characters(dreams: Iterable[AnalysedDream], locale: str, limit: int = 8) -> list[Ranked]:
    """Who appears: character groups by the number of dreams they appear in."""
    counts: Counter[str] = Counter()
    for dream in dreams:
        groups = {_character_group(code) for code in dream.card.get("characters", ())}
        counts.update(group for group in groups if group)
    return [Ranked(key, gettext(key, locale), count) for key, count in counts.most_common(limit)]


def as_analysed(row: Mapping[str, Any]) -> AnalysedDream:
    details = row.get("hvdc") or {}
    return AnalysedDream(
        when=row["dream__created_at"],
        mood=str(row.get("mood") or "neutral"),
        card=details.get("card") or {},
        symbols=tuple(row.get("symbols") or ()),
    )
