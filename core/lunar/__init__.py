"""The lunar calendar: exact phases, moonrise-based lunar days for the user's place, folklore
notes, a month picture and whether the moon relates to a user's own dreams.

Start with :func:`day_report` (a civil date), :func:`lunar_context` (a dream's instant),
:func:`resolve_city` / :func:`default_place_for_timezone` (a :class:`Place`),
``core.lunar.calendar_png.render_month`` and ``core.lunar.stats.moon_relationship``.
"""

from core.lunar.astro import PhaseEvent, phases_between
from core.lunar.days import LATITUDE_LIMIT, LunarDay
from core.lunar.errors import (
    DateOutOfRange,
    InvalidCoordinates,
    LunarError,
    PolarLatitude,
    UnknownPlace,
    UnknownTimeZone,
)
from core.lunar.places import Place, default_place_for_timezone, resolve_city
from core.lunar.service import DayReport, day_report, lunar_context, lunar_day_at

__all__ = [
    "LATITUDE_LIMIT",
    "DateOutOfRange",
    "DayReport",
    "InvalidCoordinates",
    "LunarDay",
    "LunarError",
    "PhaseEvent",
    "Place",
    "PolarLatitude",
    "UnknownPlace",
    "UnknownTimeZone",
    "day_report",
    "default_place_for_timezone",
    "lunar_context",
    "lunar_day_at",
    "phases_between",
    "resolve_city",
]
