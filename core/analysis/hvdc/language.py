"""Which language a dream is told in, for choosing its coder (``en`` or ``ru``).

Decided per dream, from the text: Cyrillic-dominant text is Russian, Latin-dominant text is
English unless it is Russian in Latin letters («mne snilos…»); text that mixes both («я видел
dog») goes to the language of most of its letters. The user's interface language plays no
part (it chooses the reply's language); a text in another script is reported as unsupported.
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
    """The coder to use: the dream's own language, whatever was ``requested``.

    A Russian-interface user who writes in English is coded in English (and answered in
    Russian); ``requested`` (the interface or ``--lang``) never makes one coder read the other
    language. It is kept as a parameter so callers state what they asked for.
    """
    del requested
    return detect_language(text)
