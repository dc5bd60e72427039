"""Ready-to-serve lunar data for the API: a day and a month at a place, memoised per process.

Both are pure functions of (date, place, language), so a bounded in-process memo is exact; the
Mini App asks for "today" on every visit, and the sky does not change between two visits.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Hashable
from datetime import date

from core.lunar.calendar_png import month_cells
from core.lunar.interpreter import folklore_note
from core.lunar.places import Place
from core.lunar.service import day_report


class Memo:
    """A bounded least-recently-used map; ``peek`` lets a caller skip a thread hop on a hit."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = size

    def peek(self, key: Hashable) -> bytes | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: bytes) -> bytes:
        self._items[key] = value
        while len(self._items) > self._size:
            self._items.popitem(last=False)
        return value


DAYS, MONTHS = Memo(2048), Memo(256)


def day_json(day: date, place: Place, locale: str) -> bytes:
    """The day's report (``DayReport.to_dict``) with the folklore note of its lunar day, as JSON."""
    key = (day, place, locale)
    if (hit := DAYS.peek(key)) is not None:
        return hit
    report = day_report(day, place)
    data = report.to_dict(locale)
    current = report.lunar_days[-1].number if report.lunar_days else None
    data["lunar_day"] = current
    data["note"] = folklore_note(current, report.phase_key, locale) if current else ""
    return DAYS.put(key, json.dumps(data, ensure_ascii=False).encode())


def month_json(year: int, month: int, place: Place) -> bytes:
    """Every date of the month: lunar days starting, the one at midnight, illumination, phase."""
    if (hit := MONTHS.peek((year, month, place))) is not None:
        return hit
    cells = [
        {
            "date": cell.day.isoformat(),
            "starting": list(cell.starting),
            "lunar_day": cell.continuing,
            "illumination": round(cell.illumination, 4),
            "waxing": cell.waxing,
            "principal": cell.principal,
        }
        for cell in month_cells(year, month, place)
    ]
    return MONTHS.put(
        (year, month, place), json.dumps({"year": year, "month": month, "days": cells}).encode()
    )
