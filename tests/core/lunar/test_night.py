"""A dream belongs to the night that ended most recently, read at its middle (03:00 local)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.lunar.night import dream_moment, night_of

LONDON = ZoneInfo("Europe/London")
MOSCOW = ZoneInfo("Europe/Moscow")


def test_a_morning_dream_belongs_to_the_night_just_ended() -> None:
    night = night_of(datetime(2026, 12, 7, 9, 26, tzinfo=LONDON), LONDON)
    assert (night.evening, night.morning) == (date(2026, 12, 6), date(2026, 12, 7))
    assert night.middle == datetime(2026, 12, 7, 3, 0, tzinfo=LONDON)


def test_told_in_the_evening_it_is_still_last_night() -> None:
    night = night_of(datetime(2026, 12, 7, 22, 50, tzinfo=LONDON), LONDON)
    assert night.morning == date(2026, 12, 7)


def test_told_before_the_middle_of_a_night_it_is_the_night_before() -> None:
    night = night_of(datetime(2026, 12, 7, 1, 30, tzinfo=LONDON), LONDON)
    assert night.morning == date(2026, 12, 6)


def test_the_local_date_decides_not_utc() -> None:
    # 23:30 UTC on the 6th is 02:30 on the 7th in Moscow: before that night's middle.
    night = night_of(datetime.fromisoformat("2026-12-06T23:30:00+00:00"), MOSCOW)
    assert night.morning == date(2026, 12, 6)
    night = night_of(datetime.fromisoformat("2026-12-07T00:30:00+00:00"), MOSCOW)
    assert night.morning == date(2026, 12, 7)


def test_a_chosen_night_wins() -> None:
    told = datetime(2026, 12, 7, 9, 26, tzinfo=LONDON)
    night = dream_moment(told, LONDON, date(2026, 12, 3))
    assert night.middle == datetime(2026, 12, 3, 3, 0, tzinfo=LONDON)
