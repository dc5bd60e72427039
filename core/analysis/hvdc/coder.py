"""``code_dream``: the offline Hall/Van de Castle coder; English here, Russian in ``ru/``."""

from __future__ import annotations

from .cast import build_cast
from .emotions import code_emotions
from .fortune import code_fortunes, code_striving
from .interactions import code_interactions
from .language import coding_language, detect_language
from .scenes import code_scenes
from .text import segment
from .things import code_activities, code_modifiers, code_objects
from .types import CATEGORIES, Code, Coding

__all__ = ["code_dream", "detect_language"]


def code_dream(text: str, lang: str = "en") -> Coding:
    """Code one dream report into the 13 HVdC categories, in DreamBank notation.

    Pure and offline: lexicons load once per process; never raises on any string. The coder
    follows the dream's own language (``lang`` decides only when the text cannot); reports
    that are empty or in neither English nor Russian come back with ``supported=False``.
    """
    wanted = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    if not isinstance(text, str) or not text.strip():
        return Coding(supported=False, reason="empty", language=wanted or "und")
    language = coding_language(text, wanted)
    if language == "ru":
        from .ru import code_dream_ru  # loads Russian models on first use only

        return code_dream_ru(text)
    if language != "en":
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
