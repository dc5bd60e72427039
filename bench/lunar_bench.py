"""Timings of the lunar service (targets: lunar day on a cached lunation < 0.5 ms; month picture
for a new city < 15 ms, cached < 1 ms). Run: ``.venv/bin/python bench/lunar_bench.py``."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from core.lunar.calendar_png import font, render_month
from core.lunar.days import _track
from core.lunar.places import Place, resolve_city
from core.lunar.service import day_report, lunar_day_at


def _median_ms(action: Callable[[int], object], runs: int) -> float:
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(samples)


def bench_lunar_day() -> None:
    moscow = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
    base = datetime(2026, 11, 10, tzinfo=UTC)
    lunar_day_at(base, moscow)  # fills the lunation cache
    rng = random.Random(1)
    moments = [base + timedelta(hours=rng.uniform(0, 24 * 27)) for _ in range(2000)]
    cold_place = Place("Kazan", 55.79, 49.12, "Europe/Moscow")
    cold = _median_ms(lambda i: lunar_day_at(base, cold_place), 1)
    warm = _median_ms(lambda i: lunar_day_at(moments[i], moscow), len(moments))
    print(f"lunar day, cached lunation:        {warm * 1000:8.1f} µs   (target < 500 µs)")
    print(f"lunar day, new place (lunation):   {cold:8.2f} ms")
    print(
        f"day report (date, rise/set, sign): {_median_ms(lambda i: day_report(date(2026, 11, 1) + timedelta(days=i), moscow), 30):8.2f} ms"
    )


def bench_calendar() -> None:
    font(20)
    render_month(2026, 11, Place("Warm-up", 10.0, 10.0, "UTC"), "ru")  # grid, discs, fonts
    rng = random.Random(2)
    cities = [
        Place(f"City {i}", rng.uniform(-55, 55), rng.uniform(-170, 170), "UTC") for i in range(40)
    ]
    new_city = _median_ms(lambda i: render_month(2026, 11, cities[i], "ru"), len(cities))
    print(f"month picture, new city:           {new_city:8.2f} ms   (target < 15 ms)")
    _track.cache_clear()
    cold = _median_ms(lambda i: render_month(2031, 5, cities[i], "ru"), 1)
    print(f"month picture, new city+new month: {cold:8.2f} ms   (ephemeris tracks cold too)")
    render_month(2026, 11, cities[0], "ru", date(2026, 11, 26))
    cached = _median_ms(lambda i: render_month(2026, 11, cities[0], "ru", date(2026, 11, 26)), 200)
    print(f"month picture, cached:             {cached * 1000:8.1f} µs   (target < 1 ms)")


def bench_places() -> None:
    start = time.perf_counter()
    resolve_city("Москва")
    print(f"city index build (first lookup):   {(time.perf_counter() - start) * 1000:8.0f} ms")
    exact = _median_ms(lambda i: resolve_city("Екатеринбург"), 200)
    fuzzy = _median_ms(lambda i: resolve_city("Мскова"), 5)
    print(f"resolve city, exact / misspelt:    {exact:8.3f} ms / {fuzzy:.1f} ms")


if __name__ == "__main__":
    bench_lunar_day()
    bench_calendar()
    bench_places()
