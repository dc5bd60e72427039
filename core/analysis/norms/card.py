"""A whole coding card parsed into slots, tolerant of malformed codes.

A profile must not fail because one code from the coder (or a hand-made card) is malformed:
bad codes are kept aside in ``invalid`` so callers can report them, and everything else counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.analysis.norms.notation import (
    Activity,
    Character,
    DreamObject,
    Emotion,
    Interaction,
    Modifier,
    NotationError,
    Outcome,
    Setting,
    parse_activity,
    parse_character,
    parse_emotion,
    parse_interaction,
    parse_modifier,
    parse_object,
    parse_outcome,
    parse_setting,
)

#: Card key -> parser of one code string of that category.
PARSERS: dict[str, Callable[[str], Any]] = {
    "characters": parse_character,
    "aggression": parse_interaction,
    "friendliness": parse_interaction,
    "sexuality": parse_interaction,
    "settings": parse_setting,
    "objects": parse_object,
    "activities": parse_activity,
    "modifiers": parse_modifier,
    "failure": parse_outcome,
    "success": parse_outcome,
    "misfortune": parse_outcome,
    "good_fortune": parse_outcome,
    "emotions": parse_emotion,
}


@dataclass(slots=True)
class ParsedCard:
    """The structured codes of one dream; ``invalid`` holds ``(category, code)`` that failed."""

    characters: list[Character] = field(default_factory=list)
    aggression: list[Interaction] = field(default_factory=list)
    friendliness: list[Interaction] = field(default_factory=list)
    sexuality: list[Interaction] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    objects: list[DreamObject] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    modifiers: list[Modifier] = field(default_factory=list)
    failure: list[Outcome] = field(default_factory=list)
    success: list[Outcome] = field(default_factory=list)
    misfortune: list[Outcome] = field(default_factory=list)
    good_fortune: list[Outcome] = field(default_factory=list)
    emotions: list[Emotion] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)


def card_codes(card: Mapping[str, Any], category: str) -> list[str]:
    """The code strings of one category; a missing key or ``None`` is an empty list."""
    codes = card.get(category) or []
    if isinstance(codes, str):
        raise TypeError(f"card[{category!r}] must be a list of code strings, not a string")
    return [str(code) for code in codes]


def parse_card(card: Mapping[str, Sequence[str]]) -> ParsedCard:
    """Parse every category of a DreamBank-style card (missing categories count as empty)."""
    parsed = ParsedCard()
    for category, parser in PARSERS.items():
        target: list[Any] = getattr(parsed, category)
        for code in card_codes(card, category):
            try:
                target.append(parser(code))
            except NotationError:
                parsed.invalid.append((category, code))
    return parsed
