"""A message's way in: checked (empty, too long, no words), then judged dream or conversation.

The order matters to the user: "hi" is conversation and gets a greeting back, not "that is a
bit short for a dream"; a two-word fragment nobody can place ("I flew") is asked for more.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.dreams.intake import DreamRejected, DreamText, validate_dream
from core.dreams.screening import Screening, TalkKind, Verdict, screen


@dataclass(frozen=True, slots=True)
class Triage:
    dream: DreamText | None  # None when the message is conversation
    screening: Screening


def triage(raw: str | None, *, min_chars: int, max_chars: int) -> Triage:
    """The message judged; raises :class:`DreamRejected` for text that cannot be a dream and is
    not recognisable conversation either."""
    try:
        dream = validate_dream(raw, min_chars=min_chars, max_chars=max_chars)
    except DreamRejected as rejected:
        if rejected.reason != "too_short":
            raise
        screening = screen(raw or "")
        if screening.verdict == Verdict.DREAM or screening.kind in (None, TalkKind.OTHER):
            raise
        return Triage(dream=None, screening=screening)
    screening = screen(dream.text)
    return Triage(dream if screening.verdict != Verdict.NOT_A_DREAM else None, screening)
