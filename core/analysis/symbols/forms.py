"""Expand the compact word forms of the symbol dictionary into every surface form to look up.

The data file lists English words and Russian stems; Russian is highly inflected, so a stem
followed by ``~`` stands for the stem plus each regular case ending (``вод~`` → вода, воды,
воду, водой ...), and ``~v`` for the verb endings (``лета~v`` → летать, летал, летали ...).
Endings are a closed list and the whole word must match, so a stem never matches a longer
unrelated word (``вод~`` does not reach водитель or водка).
"""

from __future__ import annotations

import re

#: Letters only: apostrophes and hyphens split words ("wasn't" → "wasn", "t").
WORD_RE = re.compile(r"[^\W\d_]+")

RU_NOUN_ENDINGS: tuple[str, ...] = (
    "", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    "ой", "ою", "ей", "ею", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев",
    "ью", "ьи", "ье", "ья", "ьев", "ьям", "ьями", "ьях",
    "ий", "ый", "ая", "ое", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю",
    "ых", "их", "ым", "им", "ыми", "ими",
)  # fmt: skip

RU_VERB_ENDINGS: tuple[str, ...] = (
    "ть", "ться", "ю", "юсь", "ешь", "ет", "ется", "ем", "ете", "ют", "ются",
    "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "я", "ясь", "в", "вшись",
    "ющий", "ющая", "ющее", "ющие", "ющего", "ющей", "ющих", "ющим",
    "вший", "вшая", "вшее", "вшие", "вшего", "вших", "ние", "ния", "нию", "нием", "нии",
)  # fmt: skip


def normalize_word(word: str) -> str:
    """Lower-case and read ё as е, as both the dictionary and the text are compared."""
    return word.lower().replace("ё", "е")


def english_plurals(word: str) -> tuple[str, ...]:
    """The word and its regular plural (-s, -es after sibilants, -ies after a consonant + y)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word, word + "es")
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word, word[:-1] + "ies")
    return (word, word + "s")


def expand_form(form: str, language: str) -> list[tuple[str, ...]]:
    """Every token sequence a dictionary form stands for (one-word forms give 1-tuples)."""
    form = normalize_word(form.strip())
    if form.endswith("~v"):
        stem, endings = form[:-2], RU_VERB_ENDINGS
    elif form.endswith("~"):
        stem = form[:-1]
        endings = RU_NOUN_ENDINGS if language == "ru" else ()
    else:
        stem, endings = form, ("",)
    words = english_plurals(stem) if language == "en" and form.endswith("~") else None
    surfaces = list(words) if words is not None else [stem + e for e in endings]
    result = []
    for surface in surfaces:
        tokens = tuple(WORD_RE.findall(surface))
        if tokens:
            result.append(tokens)
    return result
