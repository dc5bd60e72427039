"""``code_dream_ru``: the offline Hall/Van de Castle coder for Russian dream reports.

The pipeline mirrors the English coder's categories and notation: read (sentences, morphology)
→ cast → emotions → settings → interactions (syntax on the sentences that need it) →
misfortune, success, failure → objects. Activities and modifiers are not coded for Russian
yet (no published indicator uses them).
"""

from __future__ import annotations

from core.analysis.hvdc.types import CATEGORIES, Code, Coding

from .cast import build_cast
from .feelings import code_emotions
from .fortune import code_misfortunes
from .interactions import code_interactions
from .lexicon import warm_up as warm_up_lexicons
from .nlp import morph_analyzer, read, syntax_parser
from .objects import code_objects
from .places import code_settings
from .striving import code_striving
from .translit import looks_transliterated, to_cyrillic


def warm_up() -> None:
    """Load pymorphy3, the syntax model and the word lists (once per process)."""
    morph_analyzer()
    syntax_parser()
    warm_up_lexicons()


def code_dream_ru(text: str) -> Coding:
    """Code one Russian report into the 13 HVdC categories (never raises on a string)."""
    if not text.strip():
        return Coding(supported=False, reason="empty", language="ru")
    if looks_transliterated(text):
        cyrillic, origin = to_cyrillic(text)
        coded = _code(cyrillic)
        coded.codes = [_back(code, text, origin) for code in coded.codes]
        return coded
    return _code(text)


def _back(code: Code, text: str, origin: list[int]) -> Code:
    """A code found in the Cyrillic copy, pointing at the user's Latin letters instead."""
    if code.span is None:
        return code
    start, end = origin[code.span[0]], origin[code.span[1] - 1] + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return Code(code.category, code.code, (start, end), text[start:end])


def _code(text: str) -> Coding:
    doc = read(text)
    cast = build_cast(doc)
    codes: list[Code] = [
        Code("characters", c.code, (doc.words[c.word].start, doc.words[c.word].end),
             doc.words[c.word].text)
        for c in cast.characters
    ]  # fmt: skip
    codes.extend(code_emotions(doc, cast))
    codes.extend(code_settings(doc, cast))
    codes.extend(code_interactions(doc, cast))
    codes.extend(code_misfortunes(doc, cast))
    codes.extend(code_striving(doc, cast))
    codes.extend(code_objects(doc, cast))
    order = {cat: n for n, cat in enumerate(CATEGORIES)}
    codes.sort(key=lambda c: (order[c.category], c.span[0] if c.span else -1))
    return Coding(codes=codes, language="ru", dreamer_sex=cast.dreamer_sex)
