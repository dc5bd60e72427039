"""``code_dream``: the offline Hall/Van de Castle coder; English here, Russian in ``ru/``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .cast import Cast, build_cast
from .emotions import code_emotions
from .fortune import attempt_sentences, code_fortunes, code_striving
from .interactions import candidate_sentences, code_interactions
from .language import coding_language, detect_language
from .parse import Parse, SentenceParser, default_parser, parse_many
from .scenes import code_scenes
from .text import Document, segment
from .things import code_activities, code_modifiers, code_objects
from .types import CATEGORIES, Code, Coding

__all__ = ["code_dream", "code_dreams", "detect_language"]


def code_dream(text: str, lang: str = "en", *, parser: SentenceParser | None = None) -> Coding:
    """Code one dream report into the 13 HVdC categories, in DreamBank notation.

    Pure and offline: lexicons (and the parser, when installed) load once per process; never
    raises on any string. The coder follows the dream's own language (``lang`` decides only
    when the text cannot); reports that are empty or in neither English nor Russian come back
    with ``supported=False``.  ``parser`` (English) defaults to the installed one; pass
    :data:`~.parse.NO_PARSER` to read word order only.
    """
    return code_dreams([text], lang, parser=parser)[0]


def code_dreams(
    texts: Sequence[str], lang: str = "en", *, parser: SentenceParser | None = None
) -> list[Coding]:
    """:func:`code_dream` for many reports: the sentences to parse are parsed in one batch,
    which the parser runs about twice as fast as one report at a time."""
    readings: list[Coding | _Reading] = [_not_english(text, lang) or _read(text) for text in texts]
    ready = [r for r in readings if isinstance(r, _Reading)]
    asked = [(r.doc, _to_parse(r)) for r in ready]
    parses = iter(parse_many(asked, parser or default_parser()))
    return [r if isinstance(r, Coding) else _finish(r, next(parses)) for r in readings]


def _not_english(text: str, lang: str) -> Coding | None:
    """The coding of a report that is not English (Russian has its own coder; anything else
    is unsupported), or None for an English one."""
    wanted = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    if not isinstance(text, str) or not text.strip():
        return Coding(supported=False, reason="empty", language=wanted or "und")
    language = coding_language(text, wanted)
    if language == "ru":
        from .ru import code_dream_ru  # loads Russian models on first use only

        return code_dream_ru(text)
    if language != "en":
        return Coding(supported=False, reason="unsupported_language", language=language)
    return None


@dataclass(slots=True)
class _Reading:
    """A report read up to the point where its parse is needed."""

    doc: Document
    cast: Cast


def _to_parse(reading: _Reading) -> list[int]:
    """The sentences that can hold a code the parse reads: an interaction or an attempt."""
    wanted = candidate_sentences(reading.doc, reading.cast)
    return sorted(set(wanted).union(attempt_sentences(reading.doc)))


def _read(text: str) -> _Reading:
    doc = segment(text)
    return _Reading(doc, build_cast(doc))


def _finish(reading: _Reading, parse: Parse) -> Coding:
    """Every category of one report, given its cast and the parse of its chosen sentences."""
    doc, cast = reading.doc, reading.cast
    codes: list[Code] = []
    for char in cast.characters:
        tok = doc.tokens[char.token]
        codes.append(Code("characters", char.code, (tok.start, tok.end), tok.text))
    emotions = code_emotions(doc, cast)
    codes.extend(emotions)
    codes.extend(code_scenes(doc, cast))
    codes.extend(code_interactions(doc, cast, emotions, parse))
    codes.extend(code_fortunes(doc, cast))
    codes.extend(code_striving(doc, cast, parse))
    codes.extend(code_objects(doc))
    codes.extend(code_activities(doc, cast))
    codes.extend(code_modifiers(doc))
    order = {cat: n for n, cat in enumerate(CATEGORIES)}
    codes.sort(key=lambda c: (order[c.category], c.span[0] if c.span else -1))
    return Coding(codes=codes, language="en")
