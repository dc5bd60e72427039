"""The analysis reads the moon of the dream's night (03:00 local), not of the moment it is told."""

from __future__ import annotations

from datetime import UTC, date, datetime

from core.db.models import User
from core.dreams.lunar_night import lunar_night, user_night
from core.lunar.names import lit_percent

LONDON = {"latitude": 51.5, "longitude": -0.13, "timezone": "Europe/London", "language": "en"}


def _user() -> User:
    return User(**LONDON)


def test_a_dream_told_after_moonrise_gets_the_lunar_day_of_its_night() -> None:
    told = datetime(2026, 12, 7, 9, 26, tzinfo=UTC)  # day 29 began at moonrise, 06:42
    context = lunar_night(told, _user())
    assert context is not None and context.lunar_day == 28


def test_a_chosen_night_is_read_instead() -> None:
    told = datetime(2026, 12, 7, 9, 26, tzinfo=UTC)
    night = user_night(told, _user(), date(2026, 12, 1))
    assert night.middle.isoformat() == "2026-12-01T03:00:00+00:00"
    chosen = lunar_night(told, _user(), date(2026, 12, 1))
    last = lunar_night(told, _user())
    assert chosen is not None and last is not None and chosen.lunar_day != last.lunar_day


def test_one_moment_reads_one_percent_everywhere() -> None:
    assert [lit_percent(x) for x in (0.0, 0.024, 0.025, 0.0357, 0.995, 1.0)] == [
        0,
        2,
        3,
        4,
        100,
        100,
    ]
