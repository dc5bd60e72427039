"""The bilingual dream-symbol dictionary: loading ``data/symbols.json`` into typed entries.

The meanings are our own short texts, stored with the data in both languages because they are
content, not interface strings; archetype names go through gettext (see ``archetypes``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE: Path = Path(__file__).resolve().parent / "data" / "symbols.json"
LANGUAGES: tuple[str, ...] = ("en", "ru")


@dataclass(frozen=True, slots=True)
class SymbolText:
    """One language's side of a symbol: display label, word forms and our meaning."""

    label: str
    forms: tuple[str, ...]
    meaning: str


@dataclass(frozen=True, slots=True)
class SymbolEntry:
    """A dictionary symbol with both languages and the archetypes it evokes."""

    key: str
    archetypes: tuple[str, ...]
    texts: dict[str, SymbolText]

    def text(self, locale: str) -> SymbolText:
        """The side of ``locale``, English for any other language."""
        return self.texts.get(locale) or self.texts["en"]

    def label(self, locale: str) -> str:
        return self.text(locale).label

    def meaning(self, locale: str) -> str:
        return self.text(locale).meaning


def _side(raw: Mapping[str, Any]) -> SymbolText:
    return SymbolText(
        label=str(raw["label"]),
        forms=tuple(str(f) for f in raw["forms"]),
        meaning=str(raw["meaning"]),
    )


def _entry(raw: Mapping[str, Any]) -> SymbolEntry:
    return SymbolEntry(
        key=str(raw["key"]),
        archetypes=tuple(str(a) for a in raw["archetypes"]),
        texts={lang: _side(raw[lang]) for lang in LANGUAGES},
    )


@lru_cache(maxsize=2)
def load_dictionary(path: Path = DATA_FILE) -> tuple[SymbolEntry, ...]:
    """All entries of the data file, in file order (cached: the file ships with the package)."""
    with path.open(encoding="utf-8") as fh:
        document = json.load(fh)
    return tuple(_entry(raw) for raw in document["symbols"])


@lru_cache(maxsize=2)
def _by_key(path: Path = DATA_FILE) -> dict[str, SymbolEntry]:
    return {entry.key: entry for entry in load_dictionary(path)}


def get_symbol(key: str) -> SymbolEntry | None:
    """The entry for a symbol key, e.g. to label recurring symbols of past dreams."""
    return _by_key().get(key)
