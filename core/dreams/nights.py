"""The "dreamt on" choice: the user says which night a dream came from, and everything lunar
about it (the stored analysis's moon, the journal's date, the statistics) follows that night.

Nothing is charged: the dream is not analysed again, only its night is read anew.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from core.db.models import Dream, DreamAnalysis, User
from core.dreams.journal_changes import journal_changed
from core.dreams.lunar_night import lunar_night, user_night
from core.dreams.stored import lunar_dict
from core.interpret.types import LunarContext

#: How many nights back the choice offers (a dream told today is rarely older than a week).
CHOICE_NIGHTS = 7


def night_choices(told_at: datetime, user: User) -> list[date]:
    """The mornings a user may pick for a dream told at ``told_at``: last night first."""
    last = user_night(told_at, user).morning
    return [last - timedelta(days=n) for n in range(CHOICE_NIGHTS)]


async def set_dream_night(dream: Dream, user: User, morning: date) -> LunarContext | None:
    """Move ``dream`` to the night that ended on ``morning`` and re-read that night's moon into
    its latest analysis; the new lunar context (None when it cannot be computed)."""
    last = user_night(dream.created_at, user).morning
    dream.dreamt_on = None if morning == last else morning
    await Dream.filter(id=dream.id).update(dreamt_on=dream.dreamt_on)
    lunar = lunar_night(dream.created_at, user, dream.dreamt_on)
    row = await DreamAnalysis.filter(dream_id=dream.id).order_by("-created_at").first()
    if row is not None:
        details = dict(row.hvdc or {})
        details["lunar"] = lunar_dict(lunar)
        await DreamAnalysis.filter(id=row.id).update(
            hvdc=details,
            lunar_day=lunar.lunar_day if lunar else None,
            lunar_effect=lunar.folklore_note if lunar else "",
        )
    await journal_changed(user.id)
    return lunar
