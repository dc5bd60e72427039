"""``oneiroscope lunar``: the lunar calendar of a date at a place, principal phases, month picture.

oneiroscope lunar --date 2026-11-26 --lat 55.75 --lon 37.62 --tz Europe/Moscow --json
oneiroscope lunar --city Москва --locale ru
oneiroscope lunar phases --from 2024-01-01 --to 2024-12-31 --json
oneiroscope lunar calendar --month 2026-11 --city Moscow --out november.png
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from core.lunar.astro import phases_between
from core.lunar.calendar_png import render_month
from core.lunar.errors import LunarError
from core.lunar.places import Place, load_zone, resolve_city
from core.lunar.service import day_report
from core.lunar.text import day_text


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``lunar`` (with optional actions ``phases`` and ``calendar``) to the console script."""
    parser = subparsers.add_parser(
        "lunar", help="lunar days, moonrise/moonset, phase and sign for a date and place"
    )
    _place_options(parser)
    parser.add_argument("--date", type=date.fromisoformat, help="local date (default: today)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run_day)
    actions = parser.add_subparsers(dest="lunar_action", metavar="ACTION")
    phases = actions.add_parser("phases", help="new/full moons and quarters between two dates")
    phases.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    phases.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    phases.add_argument("--json", action="store_true", help="machine-readable output")
    phases.set_defaults(func=run_phases)
    picture = actions.add_parser("calendar", help="the month as a PNG picture")
    _place_options(picture)
    picture.add_argument("--month", type=_month, help="YYYY-MM (default: this month)")
    picture.add_argument("--out", type=Path, required=True, help="PNG file to write")
    picture.set_defaults(func=run_calendar)


def _place_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lat", type=float, help="latitude, degrees north")
    parser.add_argument("--lon", type=float, help="longitude, degrees east")
    parser.add_argument("--tz", help="IANA time zone, e.g. Europe/Moscow (default: UTC)")
    parser.add_argument("--city", help="a city name instead of --lat/--lon (e.g. Москва)")
    parser.add_argument("--locale", default="en", help="en or ru (default: en)")


def _month(text: str) -> tuple[int, int]:
    year, month = text.split("-")
    return int(year), int(month)


def _place(args: argparse.Namespace) -> Place:
    if args.city:
        city = resolve_city(args.city)
        return city if not args.tz else Place(city.name, city.lat, city.lon, args.tz)
    if args.lat is None or args.lon is None:
        raise SystemExit("give --lat and --lon, or --city")
    tz = args.tz or "UTC"
    return Place(f"{args.lat:.4f}, {args.lon:.4f}", args.lat, args.lon, tz)


def _fail(error: LunarError, locale: str) -> int:
    print(error.localized(locale), file=sys.stderr)
    return 2


def run_day(args: argparse.Namespace) -> int:
    """The lunar days, rise/set, phase, illumination and sign of one local date."""
    try:
        place = _place(args)
        day = args.date or datetime.now(load_zone(place.tz)).date()
        report = day_report(day, place)
    except LunarError as error:
        return _fail(error, args.locale)
    if args.json:
        print(json.dumps(report.to_dict(args.locale), ensure_ascii=False, indent=2))
    else:
        print(day_text(report, args.locale))
    return 0


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_phases(args: argparse.Namespace) -> int:
    """Principal phases from ``--from`` to ``--to`` (both dates included, UTC)."""
    start = datetime.combine(args.start, time(0), tzinfo=UTC)
    end = datetime.combine(args.end + timedelta(days=1), time(0), tzinfo=UTC)
    try:
        events = phases_between(start, end)
    except LunarError as error:
        return _fail(error, "en")
    if args.json:
        print(json.dumps([{"kind": e.kind, "utc": _utc_iso(e.utc)} for e in events], indent=2))
    else:
        for event in events:
            print(f"{_utc_iso(event.utc)}  {event.kind}")
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    """Write the month picture for the place."""
    try:
        place = _place(args)
        today = datetime.now(load_zone(place.tz)).date()
        year, month = args.month or (today.year, today.month)
        image = render_month(year, month, place, args.locale, today)
    except LunarError as error:
        return _fail(error, args.locale)
    args.out.write_bytes(image.png)
    print(f"{args.out}: {image.width}x{image.height} PNG, {len(image.png)} bytes")
    return 0
