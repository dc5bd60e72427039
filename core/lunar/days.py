"""Lunar days by the traditional rule, per lunation and place, with a bounded in-memory cache.

Day 1 runs from the exact new moon to the first moonrise after it, each next day from moonrise
to moonrise, and the last day ends at the next new moon: 29 or 30 days per lunation. The rule
needs a moonrise every ~25 h, which fails beyond about 61° of latitude during lunar standstills
(the moon stays up or down for a day or more). We therefore compute lunar days at most at
±60°: a place farther north or south gets the days of its own longitude at ±60°, and the result
says so (``latitude_clamped``) so that the UI can tell the user.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import ephem

from core.lunar.astro import REFERENCE_NEW_MOON, SYNODIC_MONTH, new_moon_of_lunation, to_datetime
from core.lunar.errors import InvalidCoordinates, PolarLatitude
from core.lunar.riseset import events_between
from core.lunar.track import MoonTrack

#: Highest |latitude| at which the moonrise-to-moonrise rule is applied as is.
LATITUDE_LIMIT = 60.0
#: Lunations are cached per place rounded to this many decimals of a degree (0.1° ≈ 11 km,
#: which moves a moonrise by at most ~15 s).
PLACE_DECIMALS = 1


@dataclass(frozen=True, slots=True)
class ComputePlace:
    """Where lunar days are actually computed: rounded and, beyond ±60°, clamped."""

    lat: float
    lon: float
    latitude_clamped: bool


@dataclass(frozen=True, slots=True)
class LunarDay:
    """One lunar day: ``number`` 1..30 within lunation ``lunation``; UTC-aware bounds."""

    number: int
    start: datetime
    end: datetime
    lunation: int
    is_last: bool  # ends at the new moon rather than at a moonrise


@dataclass(frozen=True, slots=True)
class Lunation:
    """The moonrises of one lunation at one place (ephem float dates)."""

    number: int
    new_moon: float
    next_new_moon: float
    moonrises: tuple[float, ...]

    @property
    def boundaries(self) -> tuple[float, ...]:
        """Starts of every lunar day, then the end of the last one."""
        return (self.new_moon, *self.moonrises, self.next_new_moon)

    @property
    def day_count(self) -> int:
        return len(self.moonrises) + 1

    def day(self, number: int) -> LunarDay:
        """Lunar day ``number`` (1-based) of this lunation."""
        bounds = self.boundaries
        return LunarDay(
            number,
            to_datetime(bounds[number - 1]),
            to_datetime(bounds[number]),
            self.number,
            number == self.day_count,
        )

    def days(self) -> tuple[LunarDay, ...]:
        return tuple(self.day(n) for n in range(1, self.day_count + 1))

    def day_number_at(self, t: float) -> int:
        """Number of the lunar day containing ``t`` (must lie in this lunation)."""
        return bisect_right(self.moonrises, t) + 1


def check_coordinates(lat: float, lon: float) -> None:
    """Refuse impossible coordinates (NaN, |lat| > 90, |lon| > 180)."""
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidCoordinates(lat=lat, lon=lon)


def compute_place(lat: float, lon: float, clamp_polar: bool = True) -> ComputePlace:
    """The rounded (and, beyond ±60°, clamped) place lunar days are computed for.

    With ``clamp_polar=False`` a polar place raises :class:`PolarLatitude` instead.
    """
    check_coordinates(lat, lon)
    clamped = abs(lat) > LATITUDE_LIMIT
    if clamped and not clamp_polar:
        raise PolarLatitude(lat=round(lat, 2), limit=math.copysign(LATITUDE_LIMIT, lat))
    used_lat = math.copysign(LATITUDE_LIMIT, lat) if clamped else lat
    used_lon = round(lon, PLACE_DECIMALS)
    if used_lon <= -180.0:
        used_lon = 180.0
    return ComputePlace(round(used_lat, PLACE_DECIMALS), used_lon, clamped)


@lru_cache(maxsize=1024)
def new_moon(number: int) -> float:
    """Start of lunation ``number`` (cached: needed by every lookup)."""
    return new_moon_of_lunation(number)


def lunation_number_at(t: float) -> int:
    """Number of the lunation containing ephem date ``t``."""
    number = math.floor((t - REFERENCE_NEW_MOON) / SYNODIC_MONTH)
    while t < new_moon(number):
        number -= 1
    while t >= new_moon(number + 1):
        number += 1
    return number


@lru_cache(maxsize=1024)
def principal_phases(number: int) -> tuple[tuple[str, float], ...]:
    """The four principal phases of lunation ``number``: (kind, ephem date), cached."""
    start = new_moon(number)
    return (
        ("new", start),
        ("first_quarter", float(ephem.next_first_quarter_moon(start))),
        ("full", float(ephem.next_full_moon(start))),
        ("last_quarter", float(ephem.next_last_quarter_moon(start))),
    )


@lru_cache(maxsize=64)
def _track(number: int) -> MoonTrack:
    """The geocentric moon over lunation ``number`` (shared by every place)."""
    return MoonTrack(new_moon(number), new_moon(number + 1) + 2.0)


@lru_cache(maxsize=4096)
def lunation(number: int, lat: float, lon: float) -> Lunation:
    """Lunation ``number`` at an already rounded place (see :func:`compute_place`)."""
    start, end = new_moon(number), new_moon(number + 1)
    rises = events_between(lat, lon, start, end, "rise", _track(number))
    return Lunation(number, start, end, tuple(rises))


def lunar_day_at_t(t: float, place: ComputePlace) -> LunarDay:
    """The lunar day containing ephem date ``t`` at ``place``."""
    current = lunation(lunation_number_at(t), place.lat, place.lon)
    return current.day(current.day_number_at(t))


def lunar_days_between(t0: float, t1: float, place: ComputePlace) -> list[LunarDay]:
    """Every lunar day overlapping ``[t0, t1)`` at ``place``, in order."""
    days: list[LunarDay] = []
    number = lunation_number_at(t0)
    while new_moon(number) < t1:
        current = lunation(number, place.lat, place.lon)
        bounds = current.boundaries
        for n in range(1, current.day_count + 1):
            if bounds[n - 1] < t1 and bounds[n] > t0:
                days.append(current.day(n))
        number += 1
    return days
