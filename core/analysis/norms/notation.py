"""Parse DreamBank HVdC code strings (``1MKA``, ``D 3> 1FMA + 1MKA``, ``AP, D``) into slots.

Indicators and the evaluation scorer both need the parts of a code (who, how strong, which
direction), not the string. Character numbers follow Hall & Van de Castle (1966): 1 individual,
2 group, 3/4 dead individual/group, 5/6 imaginary individual/group, 7 original and 8 changed
form of a metamorphosis — the digits the norm cards use, which reproduce the published
"Dead & Imaginary %" exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DREAMER = "D"
#: A participant the coders could not identify (``Q 3> D``); not a character of the dream.
UNKNOWN_PARTICIPANT = "Q"

FAMILY_IDENTITIES = frozenset("FMXBTHWADCIYR")
FAMILIAR_IDENTITIES = FAMILY_IDENTITIES | {"K", "P"}
UNFAMILIAR_IDENTITIES = frozenset("OESU")
PLURAL_NUMBERS = frozenset({2, 4, 6})
DEAD_NUMBERS = frozenset({3, 4})
IMAGINARY_NUMBERS = frozenset({5, 6})
NEGATIVE_EMOTIONS = frozenset({"AN", "AP", "SD", "CO"})
BODY_PART_CLASSES = frozenset({"BH", "BE", "BT", "BA", "BS"})
TORSO_ANATOMY_CLASSES = frozenset({"BT", "BA", "BS"})

_HUMAN_RE = re.compile(r"^([1-8])([MFJI])([FMXBTHWADCIYRKPOESU])([ATCB])$")
_OTHER_RE = re.compile(r"^([1-8])(ANI|CZZ)$")
_INTERACTION_RE = re.compile(r"^(?P<ini>[^<>=*]*?)\s*(?P<lvl>\d)\s*(?P<dir>[>=Rr*])\s*(?P<rec>.*)$")
_OUTCOME_RE = re.compile(r"^(?P<kind>SU|FL|GF|M(?P<lvl>[1-6]))\s*,\s*(?P<who>.+)$")
_EMOTION_RE = re.compile(r"^(?P<kind>AN|AP|SD|CO|HA)\s*,\s*(?P<who>.+)$")
_SETTING_RE = re.compile(r"^(?:NS|(?P<loc>[IOAQ])(?P<qual>[FDGUQ]))$")
_OBJECT_RE = re.compile(r"^(?P<cls>[A-Z]{2})(?P<sub>[A-Z]*)$")
_ACTIVITY_RE = re.compile(r"^(?P<ini>.+?)\s+(?P<kind>[PMLVESAC])(?P<dir>[>=R]?)\s*(?P<rec>.*)$")
_MODIFIER_RE = re.compile(r"^(?P<kind>[A-Z])(?P<sign>[+-])$")


class NotationError(ValueError):
    """A code string that does not follow the DreamBank notation; fix the code or drop it."""


@dataclass(frozen=True, slots=True)
class Character:
    """One character code; ``kind`` is ``human``, ``animal`` or ``creature``."""

    number: int
    kind: str
    sex: str = ""
    identity: str = ""
    age: str = ""

    @property
    def is_human(self) -> bool:
        return self.kind == "human"

    @property
    def plural(self) -> bool:
        return self.number in PLURAL_NUMBERS

    @property
    def dead_or_imaginary(self) -> bool:
        return self.number in DEAD_NUMBERS | IMAGINARY_NUMBERS

    @property
    def familiar(self) -> bool:
        return self.identity in FAMILIAR_IDENTITIES

    @property
    def family(self) -> bool:
        return self.identity in FAMILY_IDENTITIES

    def slots(self) -> tuple[str, ...]:
        """Number, sex, identity, age (animals and creatures have only number and kind)."""
        if not self.is_human:
            return (str(self.number), self.kind)
        return (str(self.number), self.sex, self.identity, self.age)


@dataclass(frozen=True, slots=True)
class Interaction:
    """An aggression, friendliness or sexuality: who did it, how strongly, to whom.

    ``direction`` is ``>`` one-way, ``=`` mutual, ``R`` reciprocated, ``*`` self-directed.
    """

    initiators: tuple[str, ...]
    level: int
    direction: str
    recipients: tuple[str, ...] = ()

    @property
    def one_way(self) -> bool:
        return self.direction == ">"

    @property
    def dreamer_involved(self) -> bool:
        return DREAMER in self.initiators or DREAMER in self.recipients

    def slots(self) -> tuple[str, ...]:
        return (_key(self.initiators), str(self.level), self.direction, _key(self.recipients))


@dataclass(frozen=True, slots=True)
class Emotion:
    """An emotion (``AN AP SD CO HA``) and the characters who feel it."""

    kind: str
    who: tuple[str, ...]

    @property
    def negative(self) -> bool:
        return self.kind in NEGATIVE_EMOTIONS

    def slots(self) -> tuple[str, ...]:
        return (self.kind, _key(self.who))


@dataclass(frozen=True, slots=True)
class Setting:
    """``location`` I/O/A/Q (``N`` for "no setting") and ``quality`` F/D/G/U/Q."""

    location: str
    quality: str

    def slots(self) -> tuple[str, ...]:
        return (self.location, self.quality)


@dataclass(frozen=True, slots=True)
class DreamObject:
    """An object class (``AR``, ``BH`` ...) with its optional sub-class letters."""

    cls: str
    subclass: str = ""

    def slots(self) -> tuple[str, ...]:
        return (self.cls + self.subclass,)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Success ``SU``, failure ``FL``, good fortune ``GF`` or misfortune ``M`` (level 1-6)."""

    kind: str
    level: int
    who: tuple[str, ...]

    @property
    def dreamer_involved(self) -> bool:
        return DREAMER in self.who

    def slots(self) -> tuple[str, ...]:
        return (f"{self.kind}{self.level or ''}", _key(self.who))


@dataclass(frozen=True, slots=True)
class Activity:
    """An activity: actors, kind (P M L V E S A C), direction and recipients."""

    actors: tuple[str, ...]
    kind: str
    direction: str = ""
    recipients: tuple[str, ...] = ()

    def slots(self) -> tuple[str, ...]:
        return (_key(self.actors), self.kind, self.direction, _key(self.recipients))


@dataclass(frozen=True, slots=True)
class Modifier:
    """A modifier scale letter with its sign (``I+``, ``S-``)."""

    kind: str
    sign: str

    def slots(self) -> tuple[str, ...]:
        return (self.kind, self.sign)


def _key(participants: tuple[str, ...]) -> str:
    """Order-free form of a participant list, so ``D + 1MKA`` equals ``1MKA + D``."""
    return "+".join(sorted(participants))


def split_participants(text: str) -> tuple[str, ...]:
    """``"D + 1FSA +2JUA"`` -> ``("D", "1FSA", "2JUA")``; empty text gives ``()``."""
    return tuple(part.strip() for part in text.split("+") if part.strip())


def parse_character(code: str) -> Character:
    """``"2JUA"`` -> Character(number=2, kind='human', sex='J', identity='U', age='A')."""
    text = code.strip().upper()
    if m := _HUMAN_RE.match(text):
        return Character(int(m[1]), "human", m[2], m[3], m[4])
    if m := _OTHER_RE.match(text):
        return Character(int(m[1]), "animal" if m[2] == "ANI" else "creature")
    raise NotationError(f"not a character code: {code!r}")


def parse_interaction(code: str) -> Interaction:
    """``"D 3> 1FMA +1MKA"`` -> initiators ('D',), level 3, '>', recipients ('1FMA', '1MKA')."""
    m = _INTERACTION_RE.match(code.strip())
    initiators = split_participants(m["ini"]) if m else ()
    if not m or not initiators:
        raise NotationError(f"not an interaction code: {code!r}")
    direction = m["dir"].upper()
    return Interaction(initiators, int(m["lvl"]), direction, split_participants(m["rec"]))


def parse_emotion(code: str) -> Emotion:
    """``"HA, D + 1FSA"`` -> Emotion('HA', ('D', '1FSA'))."""
    m = _EMOTION_RE.match(code.strip())
    if not m:
        raise NotationError(f"not an emotion code: {code!r}")
    return Emotion(m["kind"], split_participants(m["who"]))


def parse_setting(code: str) -> Setting:
    """``"IF"`` -> Setting('I', 'F'); ``"NS"`` (no setting) -> Setting('N', '')."""
    m = _SETTING_RE.match(code.strip().upper())
    if not m:
        raise NotationError(f"not a setting code: {code!r}")
    return Setting(m["loc"] or "N", m["qual"] or "")


def parse_object(code: str) -> DreamObject:
    """``"BT"`` -> DreamObject('BT')."""
    m = _OBJECT_RE.match(code.strip().upper())
    if not m:
        raise NotationError(f"not an object code: {code!r}")
    return DreamObject(m["cls"], m["sub"])


def parse_outcome(code: str) -> Outcome:
    """``"M5, D"`` -> Outcome('M', 5, ('D',)); ``"SU, D + 1FKA"`` -> Outcome('SU', 0, ...)."""
    m = _OUTCOME_RE.match(code.strip())
    if not m:
        raise NotationError(f"not a success/failure/fortune code: {code!r}")
    kind = "M" if m["lvl"] else m["kind"]
    return Outcome(kind, int(m["lvl"] or 0), split_participants(m["who"]))


def parse_activity(code: str) -> Activity:
    """``"D + 1MKA V> 2JSA"`` -> Activity(('D', '1MKA'), 'V', '>', ('2JSA',))."""
    m = _ACTIVITY_RE.match(code.strip())
    if not m:
        raise NotationError(f"not an activity code: {code!r}")
    return Activity(split_participants(m["ini"]), m["kind"], m["dir"], split_participants(m["rec"]))


def parse_modifier(code: str) -> Modifier:
    """``"I+"`` -> Modifier('I', '+')."""
    m = _MODIFIER_RE.match(code.strip().upper())
    if not m:
        raise NotationError(f"not a modifier code: {code!r}")
    return Modifier(m["kind"], m["sign"])
