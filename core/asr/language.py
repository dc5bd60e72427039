"""Choosing the language of a recording among the ones we support.

Whisper's own detection picks from ~100 languages; for some Russian clips it says Ukrainian or
Belarusian, and we would then transcribe Russian speech as Ukrainian text. Here the choice is
restricted: the best-scoring supported language wins, whatever outscored it.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.asr.types import SUPPORTED_LANGUAGES, LanguageChoice


def pick_language(
    scores: Iterable[tuple[str, float]], allowed: tuple[str, ...] = SUPPORTED_LANGUAGES
) -> str:
    """The allowed language with the highest probability; the first allowed one if none scored.

    >>> pick_language([("uk", 0.6), ("ru", 0.3), ("en", 0.1)])
    'ru'
    """
    best: tuple[float, str] | None = None
    for language, probability in scores:
        if language in allowed and (best is None or probability > best[0]):
            best = (probability, language)
    return best[1] if best is not None else allowed[0]


def parse_choice(value: str | None) -> LanguageChoice:
    """A user's or operator's language setting: ``en``, ``ru``, anything else means auto."""
    if value == "en":
        return "en"
    if value == "ru":
        return "ru"
    return "auto"
