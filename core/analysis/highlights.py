"""Plain-language highlights of a dream's HVdC coding: who is in it, what happened, how it felt.

Three to six short localized sentences, always in the same order — characters, emotions and
setting, then whichever of interactions, striving and fortune the dream has — so a user can
compare two dreams at a glance. Counting follows the HVdC cards: a group is one character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.analysis.hvdc.types import Coding
from core.analysis.mood import emotion_class, emotion_holders
from core.i18n import N_, gettext, ngettext

MAX_HIGHLIGHTS = 6
DREAMER = "D"
_FAMILIAR_IDENTITIES = frozenset("FMXBTHWADCIYRKP")
_HUMAN = re.compile(r"^[1-8]([MFJI])([A-Z])([ATCB])$")
_INTERACTION = re.compile(r"^(?P<init>.+?)\s+(?P<level>\d)(?P<dir>[>=r*])\s*(?P<rec>.*)$")

EMOTION_NAMES: dict[str, str] = {
    "AP": N_("apprehension"),
    "AN": N_("anger"),
    "SD": N_("sadness"),
    "CO": N_("confusion"),
    "HA": N_("happiness"),
}
_WHERE = {"I": N_("indoors"), "O": N_("outdoors")}
_PLACE = {
    "F": N_("in a familiar place"),
    "U": N_("in an unfamiliar place"),
    "D": N_("in a strangely distorted place"),
    "G": N_("in a real, named location"),
}


@dataclass(frozen=True, slots=True)
class CharacterCounts:
    """Characters of a coding by kind (HVdC: a group counts as one character)."""

    familiar: int = 0
    strangers: int = 0
    animals: int = 0
    creatures: int = 0

    @property
    def total(self) -> int:
        return self.familiar + self.strangers + self.animals + self.creatures


def count_characters(coding: Coding) -> CharacterCounts:
    """Familiar people, strangers, animals and creatures among the character codes."""
    familiar = strangers = animals = creatures = 0
    for code in (c.code.strip().upper() for c in coding.of("characters")):
        if code[1:] == "ANI":
            animals += 1
        elif code[1:] == "CZZ":
            creatures += 1
        elif (match := _HUMAN.match(code)) and match.group(2) in _FAMILIAR_IDENTITIES:
            familiar += 1
        else:
            strangers += 1
    return CharacterCounts(familiar, strangers, animals, creatures)


def _participants(side: str) -> set[str]:
    return {p.strip() for p in side.split("+") if p.strip()}


def dreamer_roles(codes: list[str]) -> tuple[int, int, int]:
    """(as target, as initiator, between others) counts of interaction codes."""
    target = initiator = others = 0
    for code in codes:
        match = _INTERACTION.match(code.strip())
        if match is None:
            continue
        init, rec = _participants(match["init"]), _participants(match["rec"])
        mutual = match["dir"] in "=r"
        target += DREAMER in rec or (mutual and DREAMER in init)
        initiator += DREAMER in init or (mutual and DREAMER in rec)
        others += DREAMER not in init | rec
    return target, initiator, others


def _characters_sentence(coding: Coding, locale: str) -> str:
    counts = count_characters(coding)
    if counts.total == 0:
        return gettext("You are the only character in this dream.", locale)
    parts = []
    if counts.familiar:
        parts.append(ngettext("{n} known to you", "{n} known to you", counts.familiar, locale))
    if counts.strangers:
        parts.append(ngettext("{n} stranger", "{n} strangers", counts.strangers, locale))
    if counts.animals:
        parts.append(ngettext("{n} animal", "{n} animals", counts.animals, locale))
    if counts.creatures:
        parts.append(ngettext("{n} creature", "{n} creatures", counts.creatures, locale))
    numbers = [
        n for n in (counts.familiar, counts.strangers, counts.animals, counts.creatures) if n
    ]
    parts = [part.format(n=n) for part, n in zip(parts, numbers, strict=True)]
    characters = ngettext("{n} character", "{n} characters", counts.total, locale)
    return gettext("Besides you, the dream has {characters}: {parts}.", locale).format(
        characters=characters.format(n=counts.total), parts=", ".join(parts)
    )


def _emotion_list(classes: list[str], locale: str) -> str:
    names = [
        gettext(EMOTION_NAMES[c], locale) for c in dict.fromkeys(classes) if c in EMOTION_NAMES
    ]
    if len(names) == 1:
        return names[0]
    return gettext("{first} and {last}", locale).format(first=", ".join(names[:-1]), last=names[-1])


def _emotions_sentence(coding: Coding, locale: str) -> str:
    codes = [c.code for c in coding.of("emotions")]
    mine = [emotion_class(c) for c in codes if DREAMER in emotion_holders(c)]
    theirs = [emotion_class(c) for c in codes if DREAMER not in emotion_holders(c)]
    if any(c in EMOTION_NAMES for c in mine):
        return gettext("Emotions you felt: {emotions}.", locale).format(
            emotions=_emotion_list(mine, locale)
        )
    if any(c in EMOTION_NAMES for c in theirs):
        return gettext("Emotions of other characters: {emotions}.", locale).format(
            emotions=_emotion_list(theirs, locale)
        )
    return gettext("The report names no emotions.", locale)


def setting_parts(coding: Coding) -> tuple[str | None, str | None]:
    codes = [c.code.strip().upper() for c in coding.of("settings")]
    kinds = {code[0] for code in codes if code[:1] in _WHERE}
    places = {code[1] for code in codes if code[1:2] in _PLACE}
    where = (
        N_("both indoors and outdoors") if len(kinds) == 2 else _WHERE.get(min(kinds, default=""))
    )
    if {"F", "U"} <= places:
        place: str | None = N_("in both familiar and unfamiliar places")
    else:
        place = next((_PLACE[p] for p in "FUDG" if p in places), None)
    return where, place


def _setting_sentence(coding: Coding, locale: str) -> str:
    where, place = setting_parts(coding)
    if where and place:
        return gettext("The dream takes place {where}, {place}.", locale).format(
            where=gettext(where, locale), place=gettext(place, locale)
        )
    fragment = where or place
    if fragment:
        return gettext("The dream takes place {where}.", locale).format(
            where=gettext(fragment, locale)
        )
    return gettext("The setting is not clearly described.", locale)


def _aggression_sentence(coding: Coding, locale: str) -> str | None:
    codes = [c.code for c in coding.of("aggression")]
    if not codes:
        return None
    target, initiator, _others = dreamer_roles(codes)
    n = len(codes)
    if target and initiator:
        text = ngettext(
            "{n} aggressive encounter, where you were both a target and an aggressor.",
            "{n} aggressive encounters, where you were both a target and an aggressor.",
            n, locale,
        )  # fmt: skip
    elif target:
        text = ngettext(
            "{n} aggressive encounter, where you were the target.",
            "{n} aggressive encounters, where you were the target.",
            n, locale,
        )  # fmt: skip
    elif initiator:
        text = ngettext(
            "{n} aggressive encounter, where you were the one acting aggressively.",
            "{n} aggressive encounters, where you were the one acting aggressively.",
            n, locale,
        )  # fmt: skip
    else:
        text = ngettext(
            "{n} aggressive encounter between other characters.",
            "{n} aggressive encounters between other characters.",
            n, locale,
        )  # fmt: skip
    return text.format(n=n)


def _friendliness_sentence(coding: Coding, locale: str) -> str | None:
    codes = [c.code for c in coding.of("friendliness")]
    if not codes:
        return None
    *_roles, others = dreamer_roles(codes)
    mine = len(codes) - others
    if mine:
        text = ngettext(
            "{n} friendly interaction involving you.",
            "{n} friendly interactions involving you.",
            mine, locale,
        )  # fmt: skip
        return text.format(n=mine)
    text = ngettext(
        "{n} friendly interaction between other characters.",
        "{n} friendly interactions between other characters.",
        others, locale,
    )  # fmt: skip
    return text.format(n=others)


def _sexuality_sentence(coding: Coding, locale: str) -> str | None:
    n = len(coding.of("sexuality"))
    if not n:
        return None
    text = ngettext(
        "{n} romantic or sexual interaction.", "{n} romantic or sexual interactions.", n, locale
    )
    return text.format(n=n)


def _dreamer_involved(coding: Coding, category: str) -> tuple[int, int]:
    """(codes involving the dreamer, codes about others only) of an outcome category."""
    holders = [emotion_holders(c.code) for c in coding.of(category)]
    mine = sum(DREAMER in h for h in holders)
    return mine, len(holders) - mine


def _striving_sentence(coding: Coding, locale: str) -> str | None:
    succeeded, _ = _dreamer_involved(coding, "success")
    failed, _ = _dreamer_involved(coding, "failure")
    if succeeded and failed:
        return gettext("Some of your efforts succeeded and some failed.", locale)
    if succeeded:
        return gettext("You succeeded at something you tried.", locale)
    if failed:
        return gettext("Something you tried did not work out.", locale)
    return None


def _misfortune_sentence(coding: Coding, locale: str) -> str | None:
    mine, others = _dreamer_involved(coding, "misfortune")
    if mine:
        text = ngettext(
            "{n} misfortune happened to you.", "{n} misfortunes happened to you.", mine, locale
        )
        return text.format(n=mine)
    if others:
        text = ngettext(
            "{n} misfortune befell other characters.",
            "{n} misfortunes befell other characters.",
            others, locale,
        )  # fmt: skip
        return text.format(n=others)
    return None


def _good_fortune_sentence(coding: Coding, locale: str) -> str | None:
    mine, _ = _dreamer_involved(coding, "good_fortune")
    return gettext("Good fortune came your way.", locale) if mine else None


_OPTIONAL: tuple[Callable[[Coding, str], str | None], ...] = (
    _aggression_sentence,
    _friendliness_sentence,
    _misfortune_sentence,
    _striving_sentence,
    _good_fortune_sentence,
    _sexuality_sentence,
)


def _unsupported(coding: Coding, locale: str) -> list[str]:
    if coding.reason == "empty":
        return [gettext("The report is empty, so there is nothing to analyse.", locale)]
    if coding.reason == "russian_nlp_missing":
        return [
            gettext(
                "Russian reports cannot be analysed in detail on this server (its Russian "
                "language models are not installed).",
                locale,
            )
        ]
    return [
        gettext(
            "A detailed Hall/Van de Castle analysis is available for reports in English and "
            "Russian.",
            locale,
        )
    ]


def highlights(coding: Coding, locale: str) -> list[str]:
    """3-6 localized sentences about the coding (one note when it is unsupported)."""
    if not coding.supported:
        return _unsupported(coding, locale)
    sentences = [
        _characters_sentence(coding, locale),
        _emotions_sentence(coding, locale),
        _setting_sentence(coding, locale),
    ]
    for build in _OPTIONAL:
        if len(sentences) >= MAX_HIGHLIGHTS:
            break
        sentence = build(coding, locale)
        if sentence:
            sentences.append(sentence)
    return sentences
