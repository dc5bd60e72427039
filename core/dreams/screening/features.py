"""Turn one message into the numbers the dream/not-a-dream model weighs.

Each feature is a plain, explainable property of the text (see :mod:`.cues`); the model's job is
only to weigh them. Rates are per word so a long dream and a short one are comparable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.analysis.symbols.matcher import find_symbols
from core.dreams.screening import cues

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s|$)")
#: Symbol hits counted at most this many times: past it, a text is plainly full of images.
_MAX_SCENE = 4
_MAX_NARRATIVE = 3

NAMES: tuple[str, ...] = (
    "dream_report",
    "dream_word_only",
    "past_rate",
    "first_person_rate",
    "third_person_rate",
    "second_person",
    "narrative",
    "scene",
    "log_words",
    "sentences",
    "question_mark",
    "question_start",
    "greeting",
    "thanks",
    "request",
    "service",
    "complaint",
    "laugh",
    "future",
    "waking_time",
    "instructions",
    "very_short",
    "sleep_talk",
    "joke",
)


@dataclass(frozen=True, slots=True)
class _Counts:
    words: int
    past: int
    first: int
    third: int
    second: int


def _is_past(word: str) -> bool:
    if word in cues.EN_PAST:
        return True
    if word.endswith("ed") and len(word) > 4 and word not in cues.EN_NOT_PAST:
        return True
    return bool(cues.RU_PAST.match(word)) and word not in cues.RU_NOT_PAST


def _counts(words: list[str]) -> _Counts:
    past = first = third = second = 0
    for word in words:
        past += _is_past(word)
        first += word in cues.EN_FIRST_PERSON or word in cues.RU_FIRST_PERSON
        third += word in cues.EN_THIRD_PERSON or word in cues.RU_THIRD_PERSON
        second += word in cues.EN_SECOND_PERSON or word in cues.RU_SECOND_PERSON
    return _Counts(len(words), past, first, third, second)


def _flag(pattern: re.Pattern[str], text: str) -> float:
    return 1.0 if pattern.search(text) else 0.0


def _story(text: str, counts: _Counts) -> list[float]:
    per_word = max(counts.words, 1)
    report = _flag(cues.DREAM_REPORT, text)
    scene = min(len(find_symbols(text, "en")), _MAX_SCENE) / _MAX_SCENE
    return [
        report,
        _flag(cues.DREAM_WORD, text) * (1.0 - report),
        counts.past / per_word,
        counts.first / per_word,
        counts.third / per_word,
        1.0 if counts.second else 0.0,
        min(len(cues.NARRATIVE.findall(text)), _MAX_NARRATIVE) / _MAX_NARRATIVE,
        scene,
        math.log1p(counts.words),
        math.log1p(len(_SENTENCE_END.findall(text))),
    ]


def _talk(text: str, counts: _Counts) -> list[float]:
    return [
        1.0 if "?" in text else 0.0,
        _flag(cues.QUESTION_START, text),
        _flag(cues.GREETING, text),
        _flag(cues.THANKS, text),
        _flag(cues.REQUEST, text),
        _flag(cues.SERVICE, text),
        _flag(cues.COMPLAINT, text),
        _flag(cues.LAUGH, text),
        _flag(cues.FUTURE_OR_PLAN, text),
        _flag(cues.WAKING_TIME, text),
        _flag(cues.INSTRUCTIONS, text),
        1.0 if counts.words <= 3 else 0.0,
        _flag(cues.SLEEP_TALK, text),
        _flag(cues.JOKE, text),
    ]


def features(text: str) -> list[float]:
    """The message's feature values, in the order of :data:`NAMES`."""
    counts = _counts([w.lower().replace("ё", "е") for w in _WORD.findall(text)])
    values = _story(text, counts) + _talk(text, counts)
    assert len(values) == len(NAMES)
    return values
