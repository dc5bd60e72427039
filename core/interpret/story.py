"""The shape of a dream report: where it begins, where it turns and how it ends.

A reading that follows the dream's own arc quotes the dreamer's words at those three points,
so the user recognises their dream in it. Sentences are cut short at a word boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUOTE = 70
_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*", re.UNICODE)
_TURN = re.compile(
    r"\b(?:suddenly|then|but|until|when|all\s+of\s+a\s+sudden|instead|at\s+that\s+moment|"
    r"вдруг|потом|затем|но|как\s+вдруг|тут|внезапно|однако|и\s+тут)\b",
    re.IGNORECASE,
)
#: The dreamer says the dream comes back ("the same dream again", "опять тот же сон").
_RECURRING = re.compile(
    r"\b(?:same\s+dream|again|recurring|keeps?\s+coming\s+back|every\s+time|(?:second|third|"
    r"fourth|fifth)\s+time|опять|снова|тот\s+же\s+сон|в\s+который\s+раз|повторя\w+|"
    r"(?:второй|третий|четв[её]ртый|пятый)\s+раз)\b",
    re.IGNORECASE,
)
_WAKING = re.compile(r"\b(?:woke|wake|waking|проснул\w*|просыпа\w*)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Story:
    opening: str  # the first sentence, cut short
    turn: str | None  # the sentence where the story turns, if any
    ending: str | None  # the last sentence, if the report has more than one
    woke: bool  # the report ends with waking up
    sentences: int
    recurs: bool = False  # the dreamer says this dream comes back


def _quote(sentence: str) -> str:
    cleaned = " ".join(sentence.split()).rstrip(".!?…,;: ")
    if len(cleaned) <= MAX_QUOTE:
        return cleaned
    cut = cleaned[:MAX_QUOTE].rsplit(" ", 1)[0].rstrip(",;:—- ")
    return cut + "…"


def story(text: str) -> Story:
    sentences = [s for s in (m.group(0).strip() for m in _SENTENCE.finditer(text)) if s]
    if not sentences:
        return Story(opening="", turn=None, ending=None, woke=False, sentences=0)
    middle = sentences[1:-1] if len(sentences) > 2 else sentences[1:]
    turn = next((s for s in middle if _TURN.search(s)), None)
    if turn is None and len(sentences) > 3:
        turn = sentences[len(sentences) // 2]
    ending = sentences[-1] if len(sentences) > 1 else None
    return Story(
        opening=_quote(sentences[0]),
        turn=_quote(turn) if turn and turn != sentences[-1] else None,
        ending=_quote(ending) if ending else None,
        woke=bool(_WAKING.search(sentences[-1])),
        sentences=len(sentences),
        recurs=bool(_RECURRING.search(sentences[0]) or _RECURRING.search(sentences[-1])),
    )
