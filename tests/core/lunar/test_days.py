"""Lunar days: the traditional moonrise rule, contiguity, counts and the polar limit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest

from core.lunar.astro import to_ephem
from core.lunar.days import (
    LATITUDE_LIMIT,
    compute_place,
    lunation,
    lunation_number_at,
    new_moon,
)
from core.lunar.places import Place
from core.lunar.service import day_report, lunar_day_at

PLACES = [(55.75, 37.62), (-33.9, 18.4), (59.9, 30.3), (-59.9, -70.0), (0.0, -78.5), (38.9, -77.0)]


@pytest.mark.parametrize(("lat", "lon"), PLACES)
@pytest.mark.parametrize("year", [1901, 2025, 2099])
def test_every_lunation_has_29_or_30_contiguous_days(lat: float, lon: float, year: int) -> None:
    first = lunation_number_at(to_ephem(datetime(year, 1, 1, tzinfo=UTC)))
    at = compute_place(lat, lon)
    for number in range(first, first + 13):
        days = lunation(number, at.lat, at.lon).days()
        assert len(days) in (29, 30)
        assert [d.number for d in days] == list(range(1, len(days) + 1))
        assert days[0].start == lunation(number, at.lat, at.lon).day(1).start
        for previous, following in pairwise(days):
            assert previous.end == following.start, "gap or overlap between lunar days"
        assert days[-1].is_last and not days[0].is_last
        assert days[-1].end == lunation(number + 1, at.lat, at.lon).days()[0].start


def test_first_day_starts_at_new_moon_and_second_at_moonrise() -> None:
    moscow = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
    number = lunation_number_at(to_ephem(datetime(2025, 3, 1, tzinfo=UTC)))
    start = new_moon(number)  # 2025-02-28 00:45 UT
    day1 = lunar_day_at(datetime(2025, 2, 28, 1, tzinfo=UTC), moscow)
    assert day1.number == 1 and abs(to_ephem(day1.start) - start) < 1 / 86400
    assert lunar_day_at(datetime(2025, 3, 1, tzinfo=UTC), moscow).number == 2
    report = day_report(day1.end.astimezone(moscow.zone).date(), moscow)
    assert day1.end in report.moonrises


def test_a_date_lists_the_lunar_days_overlapping_it_in_local_time() -> None:
    moscow = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
    report = day_report(date(2026, 11, 26), moscow)
    start = datetime(2026, 11, 26, tzinfo=moscow.zone)
    days = report.lunar_days
    assert days[0].start <= start < days[0].end
    assert days[-1].end >= start + timedelta(days=1)
    assert [d.number for d in days] == [17, 18]  # full moon was on 24 November 2026
    assert report.phase_key == "waning_gibbous" and report.illumination > 0.9
    as_json = report.to_dict("ru")
    assert as_json["lunar_days"][1]["start"].endswith("+03:00")
    assert as_json["phase_name"] == "Убывающая Луна"


def test_time_zone_changes_display_not_boundaries() -> None:
    moscow = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
    same_place_utc = Place("Moscow (UTC)", 55.75, 37.62, "UTC")
    moment = datetime(2024, 6, 10, 12, tzinfo=UTC)
    assert lunar_day_at(moment, moscow) == lunar_day_at(moment, same_place_utc)


def test_principal_phase_is_named_only_on_its_date() -> None:
    moscow = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
    full = day_report(date(2026, 11, 24), moscow)  # full moon 14:53 UT
    assert full.phase_key == "full_moon" and [e.kind for e in full.phase_events] == ["full"]
    assert day_report(date(2026, 11, 25), moscow).phase_key == "waning_gibbous"
    assert day_report(date(2026, 11, 23), moscow).phase_key == "waxing_gibbous"


def test_polar_place_is_computed_at_the_limit_and_flagged() -> None:
    murmansk = Place("Murmansk", 68.97, 33.08, "Europe/Moscow")
    report = day_report(date(2025, 1, 10), murmansk)
    assert report.latitude_clamped and report.computed_at.lat == LATITUDE_LIMIT
    assert report.to_dict()["latitude_clamped"] is True
    same_longitude = Place("60N", 60.0, 33.08, "Europe/Moscow")
    assert report.lunar_days == day_report(date(2025, 1, 10), same_longitude).lunar_days


def test_polar_moonrise_and_moonset_are_those_of_the_real_place() -> None:
    # Major lunar standstill: at 78° N the moon stays up or down for days around mid-month.
    svalbard = Place("Longyearbyen", 78.22, 15.65, "Arctic/Longyearbyen")
    reports = [day_report(date(2025, 1, d), svalbard) for d in range(1, 31)]
    no_rise_nor_set = [r for r in reports if not r.moonrises and not r.moonsets]
    assert len(no_rise_nor_set) >= 5
    assert all(len(r.lunar_days) >= 1 for r in reports)


def test_southern_polar_place_is_clamped_to_minus_60() -> None:
    assert compute_place(-77.85, 166.67).lat == -LATITUDE_LIMIT
