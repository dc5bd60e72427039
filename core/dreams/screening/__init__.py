"""Is this message a dream? Decided offline before anything is stored as a dream or charged.

:func:`screen` gives a :class:`Screening`: a dream is analysed as usual; conversation gets an
answer and is not kept; when unsure the user is asked, and nothing is charged until they say
it is a dream. The model is small and explainable (:mod:`.features`, :mod:`.model`).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.dreams.screening.model import Verdict, shipped_model
from core.dreams.screening.talk import TalkKind, request_topic, talk_kind

__all__ = ["Screening", "TalkKind", "Verdict", "screen", "warm_up"]


@dataclass(frozen=True, slots=True)
class Screening:
    verdict: Verdict
    probability: float
    kind: TalkKind | None  # what the conversation is, when the message is not a dream
    topic: str | None  # which part of the bot it is about (journal, price ...), if any


def screen(text: str) -> Screening:
    """Judge one cleaned message."""
    model = shipped_model()
    probability = model.probability(text)
    verdict = model.judge(text)
    if verdict == Verdict.DREAM:
        return Screening(verdict, probability, None, None)
    return Screening(verdict, probability, talk_kind(text), request_topic(text))


def warm_up() -> None:
    """Load the weights and build the symbol lexicon before the first message."""
    screen("I was walking along a river with my brother.")
