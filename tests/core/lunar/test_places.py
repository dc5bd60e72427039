"""The offline city list: Russian and English names, misspellings, defaults per time zone."""

from __future__ import annotations

import pytest

from core.lunar.places import (
    default_place_for_timezone,
    normalize_name,
    resolve_city,
    user_place,
)


@pytest.mark.parametrize(
    ("query", "tz"),
    [
        ("Москва", "Europe/Moscow"),
        ("moscow", "Europe/Moscow"),
        ("Moskva", "Europe/Moscow"),
        ("санкт-петербург", "Europe/Moscow"),
        ("Saint Petersburg", "Europe/Moscow"),
        ("Екатеринбург", "Asia/Yekaterinburg"),
        ("Новосибирск", "Asia/Novosibirsk"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("Нью-Йорк", "America/New_York"),
    ],
)
def test_cities_resolve_from_russian_and_english_names(query: str, tz: str) -> None:
    assert resolve_city(query).tz == tz


def test_the_most_populous_namesake_wins() -> None:
    moscow = resolve_city("Moscow")
    assert moscow.country_code == "RU" and abs(moscow.lat - 55.75) < 0.1


def test_a_country_after_a_comma_picks_the_namesake() -> None:
    assert resolve_city("Moscow, US").tz == "America/Los_Angeles"
    assert resolve_city("Moscow, United States").country_code == "US"
    assert resolve_city("Moscow, Narnia").country_code == "RU"  # unknown country: ignored


def test_a_cyrillic_query_keeps_the_cyrillic_name() -> None:
    assert resolve_city("санкт-петербург").name == "Санкт-Петербург"
    assert resolve_city("Moskva").name == "Moscow"


def test_misspellings_and_prefixes_resolve_deterministically() -> None:
    assert resolve_city("Мскова").tz == "Europe/Moscow"
    assert resolve_city("Novosibir").tz == "Asia/Novosibirsk"
    assert resolve_city("Мскова") == resolve_city("Мскова")


def test_normalized_names_ignore_case_accents_and_punctuation() -> None:
    assert normalize_name("  Санкт-Петербург ") == "санкт петербург"
    assert normalize_name("São  Paulo") == "sao paulo"
    assert normalize_name("Орёл") == normalize_name("Орел")


@pytest.mark.parametrize(
    ("tz", "name"),
    [
        ("Europe/Moscow", "Moscow"),
        ("Asia/Yekaterinburg", "Yekaterinburg"),
        ("America/New_York", "New York"),
        ("US/Eastern", "New York"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
        ("UTC", "Greenwich"),
    ],
)
def test_default_place_is_the_zones_own_city(tz: str, name: str) -> None:
    place = default_place_for_timezone(tz)
    assert place.name == name and place.tz == tz


def test_zones_without_listed_cities_use_the_zone_location() -> None:
    vostok = default_place_for_timezone("Antarctica/Vostok")
    assert vostok.lat < -70 and vostok.tz == "Antarctica/Vostok"
    assert default_place_for_timezone("Etc/GMT-3").lon == 45.0
    assert default_place_for_timezone("GMT").name == "Greenwich"


def test_a_users_shared_place_wins_over_the_zone_default() -> None:
    place, is_default = user_place(55.75, 37.62, "Europe/Moscow", "Дом")
    assert (place.name, place.lat, is_default) == ("Дом", 55.75, False)
    fallback, is_default = user_place(None, None, "Asia/Yekaterinburg")
    assert fallback.name == "Yekaterinburg" and is_default
