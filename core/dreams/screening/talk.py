"""What a message that is not a dream is: the kind decides the helpful answer the bot gives."""

from __future__ import annotations

from enum import StrEnum

from core.dreams.screening import cues


class TalkKind(StrEnum):
    INSTRUCTIONS = "instructions"  # orders for a language model: refused
    COMPLAINT = "complaint"
    THANKS = "thanks"
    GREETING = "greeting"
    REQUEST = "request"  # a command in words: "show my journal"
    QUESTION = "question"
    JOKE = "joke"
    OTHER = "other"


#: First match wins: a complaint that says "thanks" is still a complaint.
_ORDER: tuple[tuple[TalkKind, tuple[object, ...]], ...] = (
    (TalkKind.INSTRUCTIONS, (cues.INSTRUCTIONS,)),
    (TalkKind.COMPLAINT, (cues.COMPLAINT,)),
    (TalkKind.JOKE, (cues.JOKE,)),
    (TalkKind.THANKS, (cues.THANKS,)),
    (TalkKind.GREETING, (cues.GREETING,)),
    (TalkKind.REQUEST, (cues.REQUEST,)),
    (TalkKind.QUESTION, (cues.QUESTION_START,)),
    (TalkKind.JOKE, (cues.LAUGH,)),
)


def talk_kind(text: str) -> TalkKind:
    """The kind of conversation ``text`` is (call it for messages that are not dreams)."""
    for kind, patterns in _ORDER:
        if any(p.search(text) for p in patterns):  # type: ignore[attr-defined]
            return kind
    return TalkKind.QUESTION if "?" in text else TalkKind.OTHER


def request_topic(text: str) -> str | None:
    """Which part of the bot a request or question is about, to point at the right command."""
    for topic, pattern in cues.TOPICS:
        if pattern.search(text):
            return topic
    return None
