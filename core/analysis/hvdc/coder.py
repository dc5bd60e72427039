"""``code_dream``: the offline Hall/Van de Castle coder for English dream reports."""

from __future__ import annotations

import re

from .cast import build_cast
from .emotions import code_emotions
from .fortune import code_fortunes, code_striving
from .interactions import code_interactions
from .scenes import code_scenes
from .text import segment
from .things import code_activities, code_modifiers, code_objects
from .types import CATEGORIES, Code, Coding

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """A cheap script-based guess: ``en`` for Latin-dominant text, else ``ru`` or ``und``."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return "und"
    latin = len(_LATIN.findall(text))
    if latin / letters >= 0.6:
        return "en"
    if len(_CYRILLIC.findall(text)) / letters >= 0.5:
        return "ru"
    return "und"


def code_dream(text: str, lang: str = "en") -> Coding:
    """Code one dream report into the 13 HVdC categories, in DreamBank notation.

    Pure and offline: lexicons load once per process; never raises on any string.  Reports
    that are empty or not English come back with ``supported=False`` and a reason.
    """
    wanted = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    if not isinstance(text, str) or not text.strip():
        return Coding(supported=False, reason="empty", language=wanted or "und")
    detected = detect_language(text)
    if wanted != "en" or detected != "en":
        language = wanted if wanted != "en" else detected
        return Coding(supported=False, reason="unsupported_language", language=language)
    doc = segment(text)
    cast = build_cast(doc)
    codes: list[Code] = []
    for char in cast.characters:
        tok = doc.tokens[char.token]
        codes.append(Code("characters", char.code, (tok.start, tok.end), tok.text))
    emotions = code_emotions(doc, cast)
    codes.extend(emotions)
    codes.extend(code_scenes(doc, cast))
    codes.extend(code_interactions(doc, cast, emotions))
    codes.extend(code_fortunes(doc, cast))
    codes.extend(code_striving(doc, cast))
    codes.extend(code_objects(doc))
    codes.extend(code_activities(doc, cast))
    codes.extend(code_modifiers(doc))
    order = {cat: n for n, cat in enumerate(CATEGORIES)}
    codes.sort(key=lambda c: (order[c.category], c.span[0] if c.span else -1))
    return Coding(codes=codes, language="en")
