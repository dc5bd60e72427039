"""Bad input raises one exception family with clear messages in both languages."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pytest

from core.lunar import (
    DateOutOfRange,
    InvalidCoordinates,
    LunarError,
    Place,
    PolarLatitude,
    UnknownPlace,
    UnknownTimeZone,
    day_report,
    lunar_day_at,
    phases_between,
    resolve_city,
)
from core.lunar.calendar_png import render_month
from core.lunar.days import compute_place

MOSCOW = Place("Moscow", 55.75, 37.62, "Europe/Moscow")


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2101, 1, 1)])
def test_dates_outside_1900_2100_are_refused(day: date) -> None:
    with pytest.raises(DateOutOfRange) as caught:
        day_report(day, MOSCOW)
    assert "1900-2100" in caught.value.localized("en")
    assert "вне поддерживаемого диапазона" in caught.value.localized("ru")


def test_instants_and_months_outside_the_range_are_refused() -> None:
    with pytest.raises(DateOutOfRange):
        lunar_day_at(datetime(1850, 6, 1, tzinfo=UTC), MOSCOW)
    with pytest.raises(DateOutOfRange):
        phases_between(datetime(2100, 12, 1, tzinfo=UTC), datetime(2101, 2, 1, tzinfo=UTC))
    with pytest.raises(DateOutOfRange):
        render_month(1899, 12, MOSCOW, "en")


def test_the_edges_of_the_range_are_accepted() -> None:
    assert day_report(date(1900, 1, 1), MOSCOW).lunar_days
    assert day_report(date(2100, 12, 31), MOSCOW).lunar_days


@pytest.mark.parametrize(
    ("lat", "lon"), [(91.0, 0.0), (-90.5, 10.0), (10.0, 181.0), (math.nan, 0.0), (0.0, math.inf)]
)
def test_impossible_coordinates_are_refused(lat: float, lon: float) -> None:
    with pytest.raises(InvalidCoordinates) as caught:
        Place("Nowhere", lat, lon, "UTC")
    assert "latitude must be between -90 and 90" in str(caught.value)
    assert "широта должна быть от -90 до 90" in caught.value.localized("ru")


def test_unknown_city_names_are_refused_with_the_name_quoted() -> None:
    with pytest.raises(UnknownPlace) as caught:
        resolve_city("Qwzxqwzx")
    assert "“Qwzxqwzx”" in caught.value.localized("en")
    assert "«Qwzxqwzx» не найден" in caught.value.localized("ru")
    with pytest.raises(UnknownPlace):
        resolve_city("   ")


def test_unknown_time_zones_are_refused() -> None:
    with pytest.raises(UnknownTimeZone) as caught:
        Place("Moscow", 55.75, 37.62, "Mars/Olympus_Mons")
    assert "Europe/Moscow" in caught.value.localized("ru")


def test_polar_places_raise_only_when_clamping_is_refused() -> None:
    svalbard = Place("Longyearbyen", 78.22, 15.65, "Arctic/Longyearbyen")
    assert day_report(date(2025, 1, 15), svalbard).latitude_clamped
    with pytest.raises(PolarLatitude) as caught:
        day_report(date(2025, 1, 15), svalbard, clamp_polar=False)
    assert "60.0" in caught.value.localized("en") and "78.22" in caught.value.localized("ru")
    assert compute_place(60.0, 0.0, clamp_polar=False).latitude_clamped is False


def test_every_error_is_a_lunar_error_with_a_russian_message() -> None:
    for error in (
        DateOutOfRange(value="1800-01-01"),
        InvalidCoordinates(lat=100, lon=0),
        UnknownPlace(name="X"),
        UnknownTimeZone(name="X"),
        PolarLatitude(lat=80, limit=60.0),
    ):
        assert isinstance(error, LunarError)
        assert error.localized("ru") != error.localized("en")
