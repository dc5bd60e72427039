"""Which night a dream belongs to, and the one moment that stands for that night.

A dream is told after the sleep it came from, so the moon of the moment it is *told* (09:26,
maybe a new lunar day since moonrise at 06:42) is not the moon of the night it was *dreamt*.
A dream belongs to the night that ended most recently: the last night whose middle — 03:00
local, the deepest REM-rich stretch of an ordinary night — lies at or before the moment it was
told. The user may name another night ("dreamt on"). Everything lunar about a dream (the
analysis, the journal, the statistics) reads the moon at that one middle, so every screen shows
the same lunar day and the same lit %.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

#: The middle of a night, local time.
NIGHT_MIDDLE = time(3, 0)


@dataclass(frozen=True, slots=True)
class Night:
    """One night, named by the evening it began and the morning it ended."""

    evening: date
    morning: date
    middle: datetime  # aware, in the place's zone

    def to_dict(self) -> dict[str, str]:
        return {
            "evening": self.evening.isoformat(),
            "morning": self.morning.isoformat(),
            "middle": self.middle.isoformat(),
        }


def night_ending(morning: date, zone: tzinfo) -> Night:
    """The night that ended on the morning of ``morning`` (the "dreamt on" choice)."""
    middle = datetime.combine(morning, NIGHT_MIDDLE, tzinfo=zone)
    return Night(evening=morning - timedelta(days=1), morning=morning, middle=middle)


def night_of(told_at: datetime, zone: tzinfo) -> Night:
    """The night that ended most recently before ``told_at`` (aware; naive means UTC)."""
    if told_at.tzinfo is None:
        told_at = told_at.replace(tzinfo=UTC)
    local = told_at.astimezone(zone)
    morning = local.date() if local.time() >= NIGHT_MIDDLE else local.date() - timedelta(days=1)
    return night_ending(morning, zone)


def dream_moment(told_at: datetime, zone: tzinfo, dreamt_on: date | None = None) -> Night:
    """The dream's night: the chosen morning when the user named one, else the last night."""
    if dreamt_on is not None:
        return night_ending(dreamt_on, zone)
    return night_of(told_at, zone)
