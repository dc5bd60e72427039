"""The ephemeris against the US Naval Observatory's published tables (``../shared``)."""

from __future__ import annotations

import csv
from bisect import bisect_left
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.lunar.astro import phases_between, to_ephem
from core.lunar.riseset import events_between
from core.lunar.track import MoonTrack

#: USNO tables are rounded to the minute; anything within a minute agrees with them.
TOLERANCE_S = 60.0


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _rows(shared_dir: Path, name: str) -> list[dict[str, str]]:
    with (shared_dir / "data" / "lunar" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _nearest_gap_s(events: list[float], t: float) -> float:
    i = bisect_left(events, t)
    return min(abs(events[j] - t) for j in (i - 1, i) if 0 <= j < len(events)) * 86400.0


def test_every_usno_phase_is_matched_within_a_minute(shared_dir: Path) -> None:
    rows = _rows(shared_dir, "usno_phases_2023_2024.csv")
    found = phases_between(datetime(2022, 12, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC))
    worst = 0.0
    for row in rows:
        published = _utc(row["utc_iso"])
        gap = min(abs((e.utc - published).total_seconds()) for e in found if e.kind == row["kind"])
        worst = max(worst, gap)
    assert len(rows) > 90
    assert worst <= TOLERANCE_S, f"max |ephem - USNO| = {worst:.0f} s"


def test_phase_kinds_alternate_in_order(shared_dir: Path) -> None:
    found = phases_between(datetime(2023, 1, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC))
    kinds = [e.kind for e in found]
    cycle = ["new", "first_quarter", "full", "last_quarter"]
    start = cycle.index(kinds[0])
    assert kinds == [cycle[(start + i) % 4] for i in range(len(kinds))]
    assert len(_rows(shared_dir, "usno_phases_2023_2024.csv")) == len(kinds)


@pytest.mark.parametrize("place", ["Washington DC", "E150 S45"])
def test_every_usno_moonrise_and_moonset_is_matched_within_a_minute(
    shared_dir: Path, place: str
) -> None:
    rows = [r for r in _rows(shared_dir, "usno_moonrise_dev.csv") if r["place"] == place]
    lat, lon = float(rows[0]["lat"]), float(rows[0]["lon"])
    times = [to_ephem(_utc(r["utc_iso"])) for r in rows]
    t0, t1 = min(times) - 1.0, max(times) + 1.0
    track = MoonTrack(t0, t1 + 2.0)
    events = {kind: events_between(lat, lon, t0, t1, kind, track) for kind in ("rise", "set")}
    worst = max(_nearest_gap_s(events[r["kind"]], t) for r, t in zip(rows, times, strict=True))
    assert len(rows) > 700
    assert worst <= TOLERANCE_S, f"max |ephem - USNO| = {worst:.0f} s at {place}"
