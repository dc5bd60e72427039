"""Which language a dream is told in, for choosing its coder (``en`` or ``ru``).

Decided per dream, from the text: Cyrillic-dominant text is Russian, Latin-dominant text is
English unless it is Russian in Latin letters («mne snilos…»); text that mixes both («я видел
dog») goes to the language of most of its letters. The user's interface language only breaks
a tie, and only for text with no letters of either script.
"""

from __future__ import annotations

import re

from .ru.translit import looks_transliterated

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")
SUPPORTED: tuple[str, ...] = ("en", "ru")


def detect_language(text: str) -> str:
    """``en``, ``ru`` or ``und`` (no letters, or a script the coders do not read)."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "und"
    latin = len(_LATIN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    if latin + cyrillic < letters * 0.5:
        return "und"
    if cyrillic >= latin:
        return "ru"
    return "ru" if looks_transliterated(text) else "en"


def coding_language(text: str, requested: str = "") -> str:
    """The coder to use: the dream's own language; ``requested`` only when the text can't say."""
    detected = detect_language(text)
    if detected in SUPPORTED:
        return detected
    wanted = (requested or "").strip().lower().replace("_", "-").split("-")[0]
    return wanted if wanted in SUPPORTED else detected
