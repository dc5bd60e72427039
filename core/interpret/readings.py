"""One whole sentence per dictionary symbol and language, written to stand inside a reading.

The symbol dictionary's meanings are short glosses for the symbol list ("Knife: cutting through
or cutting off…"); pasted into prose they read as fragments. These sentences say the same in
full ("A knife cuts through or cuts off, and may stand for a sharp decision or for a hurt.").
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "readings.json"


@cache
def _readings() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return data


def reading(key: str, locale: str) -> str | None:
    """The sentence for symbol ``key`` in ``locale`` ("en" or "ru"), or None if unwritten."""
    entry = _readings().get(key)
    return entry.get(locale) if entry else None


def known_keys() -> frozenset[str]:
    return frozenset(_readings())
