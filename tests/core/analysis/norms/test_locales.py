"""Every message of the profile feature has a Russian translation in profile.po."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[4]
SOURCES = [*sorted((ROOT / "core/analysis/norms").glob("*.py")), ROOT / "cli/hvdc.py"]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def test_every_profile_msgid_is_translated_into_russian() -> None:
    with (ROOT / "locales/ru/LC_MESSAGES/profile.po").open("rb") as fh:
        catalog = read_po(fh, locale="ru")
    missing = []
    for source in SOURCES:
        for _, message, _, _ in extract_from_file("python", source, keywords=KEYWORDS):
            key = message[0] if isinstance(message, tuple) else message
            entry = catalog.get(key)
            strings = entry.string if entry else ""
            if not entry or not all(strings if isinstance(strings, tuple) else (strings,)):
                missing.append(key)
    assert not missing
