"""Ephemeris primitives on ``ephem``: time conversion, principal phases, elongation, sign.

Times inside the lunar package are ephem floats (days since 1899-12-31 12:00 UT) because they are
cheap to compare and bisect; datetimes (always UTC-aware) appear only at the boundaries. ``ephem``
bodies are mutable, so every function makes its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import ephem

from core.lunar.errors import DateOutOfRange

#: ephem's day zero (the Dublin Julian Day epoch).
EPHEM_EPOCH = datetime(1899, 12, 31, 12, tzinfo=UTC)
#: Supported span, in ephem days: [1900-01-01T00:00Z, 2101-01-01T00:00Z).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
_MIN_T = 0.5
_MAX_T = (datetime(2101, 1, 1, tzinfo=UTC) - EPHEM_EPOCH) / timedelta(days=1)
#: Mean synodic month (days) and a reference new moon (2000-01-06 18:14 UT, lunation 0).
SYNODIC_MONTH = 29.530588853
REFERENCE_NEW_MOON = (datetime(2000, 1, 6, 18, 14, tzinfo=UTC) - EPHEM_EPOCH) / timedelta(days=1)

PHASE_KINDS: tuple[str, ...] = ("new", "first_quarter", "full", "last_quarter")
_NEXT_PHASE: dict[str, Callable[[float], ephem.Date]] = {
    "new": ephem.next_new_moon,
    "first_quarter": ephem.next_first_quarter_moon,
    "full": ephem.next_full_moon,
    "last_quarter": ephem.next_last_quarter_moon,
}


@dataclass(frozen=True, slots=True)
class PhaseEvent:
    """The instant of one principal phase."""

    kind: str  # one of PHASE_KINDS
    utc: datetime


def to_ephem(moment: datetime) -> float:
    """A UTC-aware (or naive = UTC) datetime as an ephem float date."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPHEM_EPOCH) / timedelta(days=1)


def to_datetime(t: float) -> datetime:
    """An ephem float date as a UTC datetime rounded to the second (the precision we claim)."""
    return EPHEM_EPOCH + timedelta(seconds=round(t * 86400.0))


def check_date(day: date) -> None:
    """Refuse civil dates outside 1900-2100."""
    if not MIN_DATE <= day <= MAX_DATE:
        raise DateOutOfRange(value=day.isoformat())


def check_moment(moment: datetime) -> float:
    """Refuse instants outside 1900-2100; return the ephem float."""
    t = to_ephem(moment)
    if not _MIN_T <= t < _MAX_T:
        raise DateOutOfRange(value=moment.isoformat())
    return t


def new_moon_of_lunation(number: int) -> float:
    """The new moon that starts lunation ``number`` (0 = 2000-01-06)."""
    mean = REFERENCE_NEW_MOON + number * SYNODIC_MONTH
    # True new moons deviate from the mean ones by well under two days.
    return float(ephem.next_new_moon(mean - 2.0))


def phases_between(start: datetime, end: datetime) -> list[PhaseEvent]:
    """Every principal phase in ``[start, end)``, in time order (1900-2100 only)."""
    return phase_events(check_moment(start), check_moment(end))


def phase_events(t0: float, t1: float) -> list[PhaseEvent]:
    """:func:`phases_between` on ephem dates, unchecked (callers have checked the civil date,
    whose local midnight may lie a few hours outside the range)."""
    events: list[tuple[float, str]] = []
    for kind, finder in _NEXT_PHASE.items():
        t = float(finder(t0 - 1e-6))
        while t < t1:
            if t >= t0:
                events.append((t, kind))
            t = float(finder(t + 1.0))
    events.sort()
    return [PhaseEvent(kind, to_datetime(t)) for t, kind in events]


def _ecliptic_longitude(body: ephem.Body, t: float) -> float:
    """Apparent geocentric ecliptic longitude of date, in degrees."""
    of_date = ephem.Date(t)
    body.compute(of_date, epoch=of_date)
    ecl = ephem.Ecliptic(ephem.Equatorial(body.g_ra, body.g_dec, epoch=of_date), epoch=of_date)
    return math.degrees(float(ecl.lon)) % 360.0


def moon_longitude(t: float) -> float:
    """The moon's tropical ecliptic longitude of date (degrees), as astrologers use it."""
    return _ecliptic_longitude(ephem.Moon(), t)


def elongation(t: float) -> float:
    """Moon minus sun ecliptic longitude, 0..360: 0 new, 90 first quarter, 180 full, 270 last."""
    return (moon_longitude(t) - _ecliptic_longitude(ephem.Sun(), t)) % 360.0


def illumination(t: float) -> float:
    """Illuminated fraction of the disc, 0..1."""
    moon = ephem.Moon()
    moon.compute(ephem.Date(t))
    return float(moon.moon_phase)


def sign_index(longitude: float) -> int:
    """Tropical zodiac sign 0 (Aries) .. 11 (Pisces) of an ecliptic longitude."""
    return int(longitude // 30.0) % 12
