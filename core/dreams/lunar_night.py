"""The lunar night of a dream for the user's own place (or a default for their time zone)."""

from __future__ import annotations

import logging
from datetime import datetime

from core.db.models import User
from core.interpret.types import LunarContext
from core.lunar import LunarError, lunar_context
from core.lunar.places import user_place

log = logging.getLogger(__name__)


def lunar_night(moment: datetime, user: User) -> LunarContext | None:
    """The lunar context at ``moment``; None (and a log line) when it cannot be computed, so a
    lunar problem never costs the user their analysis."""
    try:
        place, _default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
        return lunar_context(moment, place, user.language)
    except LunarError as exc:
        log.warning("no lunar context for a dream: %s", type(exc).__name__)
        return None
