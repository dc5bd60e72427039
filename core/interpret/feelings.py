"""The dreamer's feelings as the dream goes on, with negation and change taken into account.

"I was scared, then I stopped being afraid and just enjoyed it" is a dream that *ends* in ease:
a plain keyword count would call it apprehensive. Here each feeling word is read with what
stands before it ("not", "no longer", "stopped being", "перестала", "без") and with what
follows a fear ("passed", "прошёл"), so a negated feeling does not count and an ended one turns
into relief at that point of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Feeling classes: four negative (as in HVdC) and two positive.
NEGATIVE = ("fear", "sadness", "anger", "confusion")
POSITIVE = ("joy", "calm")

_WORDS: dict[str, str] = {
    "fear": r"afraid|scared|terrified|frightened|fear\w*|panic\w*|anxious|nervous|dread\w*|"
    r"horrified|cold\s+sweat|nightmare|страх\w*|страшн\w*|страшно|бо[яю]\w*|испуг\w*|испуга\w*|ужас\w*|паник\w*|"
    r"тревог\w*|тревожн\w*|жутк\w*|холодном\s+поту|кошмар\w*",
    "sadness": r"sad|sadness|grief|griev\w*|lonely|heartbroken|cried|crying|tears|heavy\s+feeling|"
    r"грус\w*|печал\w*|тоск\w*|плака\w*|слёз\w*|слез\w*|одинок\w*|тяжёл\w+\s+чувств\w*|"
    r"тяжел\w+\s+чувств\w*",
    "anger": r"angry|furious|rage|annoyed|irritated|mad\s+at|зл(?:ой|ая|ые|ость|илс\w*|илась)|"
    r"разозл\w*|ярост\w*|бесил\w*|раздраж\w*",
    "confusion": r"confused|puzzled|bewildered|disoriented|растерян\w*|недоум\w*|не\s+понимал\w*",
    "joy": r"happy|happiness|joy\w*|glad|delighted|enjoy\w*|elated|wonderful|free|freedom|"
    r"happily|laugh\w*|счаст\w*|радост\w*|рад|рада|радовал\w*|наслажда\w*|свобод\w*|весел\w*|смеял\w*|"
    r"смеятьс\w*",
    "calm": r"calm|peaceful|relieved|relief|safe|at\s+ease|feeling\s+warm|warm\s+feeling|"
    r"тёпл\w+\s+чувств\w*|тепл\w+\s+чувств\w*|спокойн\w*|облегчен\w*|облегчён\w*|"
    r"умиротвор\w*|в\s+безопасности",
}
_FEELING = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{words})\\b)" for name, words in _WORDS.items()), re.IGNORECASE
)
#: A feeling denied: "not afraid", "wasn't scared", "не страшно", "без страха".
_DENIED = re.compile(
    r"(?:\b(?:not|never|no|nor|without)\b|n['’]t\b|\b(?:не|ни|без|нисколько)\b)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
#: A feeling that ends: "stopped being afraid", "no longer scared", "перестала бояться".
_ENDED_BEFORE = re.compile(
    r"(?:\bstopped\s+(?:being\s+|feeling\s+)?|\bno\s+longer\s+(?:\w+\s+)?|\bnot\s+\w+\s+anymore\s+"
    r"|\bперестал\w*\s+|\bбольше\s+не\s+|\bуже\s+не\s+)$",
    re.IGNORECASE,
)
#: Someone else's feeling: a third-person subject earlier in the sentence and no "I" after it.
_SOMEONE_ELSE = re.compile(
    r"\b(?:he|she|they|who|people|everyone|(?:my|our|his|her|the)\s+\w+\s+(?:was|were|is|are|"
    r"kept|started|began|seemed|looked)|он|она|они|кто|люди|все|мама|папа|мать|отец|брат|сестра|"
    r"муж|жена|друг|подруга|бабушка|дедушка|сын|дочь|дети)\b(?![^.!?]*\b(?:i|me|я|мне|меня)\b)"
    r"[^.!?]*$",
    re.IGNORECASE,
)
_ENDED_AFTER = re.compile(
    r"^\W*(?:\w+\W+)?(?:passed|faded|went\s+away|disappeared|was\s+gone|прош[её]л|прошла|"
    r"исчез\w*|отступил\w*|отпустил\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Feeling:
    kind: str  # one of NEGATIVE + POSITIVE
    at: int  # character offset in the text
    ended: bool = False  # the feeling stops here ("stopped being afraid")


def feelings(text: str) -> list[Feeling]:
    """The feelings stated in ``text`` in story order; denied ones left out, ended ones marked."""
    found: list[Feeling] = []
    for match in _FEELING.finditer(text):
        kind = match.lastgroup or ""
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 30]
        if _ENDED_BEFORE.search(before) or _ENDED_AFTER.search(after):
            found.append(Feeling(kind, match.start(), ended=True))
        elif not _DENIED.search(before) and not _SOMEONE_ELSE.search(before):
            found.append(Feeling(kind, match.start()))
    return found


@dataclass(frozen=True, slots=True)
class FeelingArc:
    """How the dreamer felt at the start and at the end, and whether that changed."""

    first: str | None
    last: str | None
    resolved: bool  # a negative feeling explicitly ended
    stated: int = 0  # how many feelings the report names (denied ones not counted)
    kinds: tuple[str, ...] = ()  # the distinct feelings, in story order

    @property
    def changed(self) -> bool:
        return self.first is not None and self.last is not None and self.first != self.last

    @property
    def mood(self) -> str | None:
        """positive | negative | mixed, or None when no feeling is stated."""
        if self.first is None or self.last is None:
            return None
        start, end = self.first in POSITIVE, self.last in POSITIVE
        if end and (start or self.resolved):
            return "positive"
        if not start and not end:
            return "negative"
        return "mixed"


def feeling_arc(text: str) -> FeelingArc:
    stated = feelings(text)
    if not stated:
        return FeelingArc(None, None, resolved=False, stated=0)
    first = stated[0]
    resolved = any(f.ended and f.kind in NEGATIVE for f in stated)
    last = stated[-1]
    last_kind = "calm" if last.ended and last.kind in NEGATIVE else last.kind
    if last.ended and last.kind in POSITIVE:
        last_kind = "sadness"
    first_kind = first.kind if not first.ended else ("calm" if first.kind in NEGATIVE else None)
    kinds = tuple(dict.fromkeys(f.kind for f in stated if not f.ended))
    return FeelingArc(first_kind, last_kind, resolved, stated=len(stated), kinds=kinds)
