"""The lunar context of a dream's night for the user's own place (or a default for their zone).

The moon is read at the middle of the night the dream belongs to (:mod:`core.lunar.night`),
never at the moment it was told, so the analysis, the journal and the statistics agree.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from core.db.models import User
from core.interpret.types import LunarContext
from core.lunar import LunarError, lunar_context
from core.lunar.night import Night, dream_moment
from core.lunar.places import user_place

log = logging.getLogger(__name__)


def user_night(told_at: datetime, user: User, dreamt_on: date | None = None) -> Night:
    """The night a dream told at ``told_at`` belongs to, in the user's place's zone."""
    place, _default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
    return dream_moment(told_at, place.zone, dreamt_on)


def lunar_night(
    told_at: datetime, user: User, dreamt_on: date | None = None
) -> LunarContext | None:
    """The lunar context at the middle of the dream's night; None (and a log line) when it
    cannot be computed, so a lunar problem never costs the user their analysis."""
    try:
        place, _default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
        night = dream_moment(told_at, place.zone, dreamt_on)
        return lunar_context(night.middle, place, user.language)
    except LunarError as exc:
        log.warning("no lunar context for a dream: %s", type(exc).__name__)
        return None
