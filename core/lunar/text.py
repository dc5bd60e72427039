"""The day's lunar calendar as a short localized text, cached per date, place and language.

The text is what every transport shows for "the moon today", so it is the value cached
(``lunar:{date}:{place}:{locale}``, 24 h) in the shared :class:`core.cache.Cache` (Redis in
production); without a cache it is simply computed (a few milliseconds).
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from babel.dates import format_date, format_time

from core.cache import Cache
from core.i18n import N_, gettext, normalize_locale
from core.lunar.interpreter import folklore_note
from core.lunar.names import PHASE_NAMES, SIGN_PHRASES, lit_percent
from core.lunar.place_names import place_label
from core.lunar.places import Place
from core.lunar.service import DayReport, day_report

CACHE_TTL_S = 24 * 3600
_TITLE = N_("Moon on {date} — {place}")
_DAY_LINE = N_("Lunar day {number}: {start} – {end}")
_RISE_SET = N_("Moonrise {rise} · moonset {set}")
_PHASE_LINE = N_("Phase: {phase}, {percent}% lit at noon")
_CLAMPED = N_(
    "Lunar days are shown for latitude {lat}°: farther north or south the moon may not rise "
    "for days, and the traditional rule does not work."
)
_NONE = N_("none")
_NO_RISE_NOR_SET = N_("The moon neither rises nor sets on this date.")


def cache_key(day: date, place: Place, locale: str | None) -> str:
    """``lunar:{date}:{place}:{locale}`` with the place as rounded coordinates and zone."""
    return f"lunar:{day.isoformat()}:{place.lat:.2f},{place.lon:.2f},{place.tz}:{normalize_locale(locale)}"


def _moment(report: DayReport, moment: datetime, locale: str) -> str:
    """Local time; with the date when it is not the report's date."""
    local = report.local(moment)
    clock = format_time(local, "HH:mm", locale=locale)
    if local.date() == report.date:
        return clock
    return f"{format_date(local.date(), 'd MMM', locale=locale)} {clock}"


def _rise_set_line(report: DayReport, lang: str) -> str:
    if not report.moonrises and not report.moonsets:
        return gettext(_NO_RISE_NOR_SET, lang)
    none = gettext(_NONE, lang)
    rise = ", ".join(_moment(report, m, lang) for m in report.moonrises) or none
    moonset = ", ".join(_moment(report, m, lang) for m in report.moonsets) or none
    return gettext(_RISE_SET, lang).format(rise=rise, set=moonset)


def day_text(report: DayReport, locale: str | None) -> str:
    """The report as the lines a user reads (local times, translated names, folklore note)."""
    lang = normalize_locale(locale)
    when = format_date(report.date, "long", locale=lang)
    lines = [gettext(_TITLE, lang).format(date=when, place=place_label(report.place.name, lang))]
    for day in report.lunar_days:
        start, end = _moment(report, day.start, lang), _moment(report, day.end, lang)
        lines.append(gettext(_DAY_LINE, lang).format(number=day.number, start=start, end=end))
    lines.append(_rise_set_line(report, lang))
    phase = gettext(PHASE_NAMES[report.phase_key], lang)
    percent = lit_percent(report.illumination)
    lines.append(gettext(_PHASE_LINE, lang).format(phase=phase, percent=percent))
    lines.append(gettext(SIGN_PHRASES[report.sign_key], lang))
    if report.latitude_clamped:
        lines.append(gettext(_CLAMPED, lang).format(lat=report.computed_at.lat))
    lines.append("")
    lines.append(folklore_note(report.lunar_days[-1].number, report.phase_key, lang))
    return "\n".join(lines)


def _compute_text(day: date, place: Place, locale: str | None) -> str:
    return day_text(day_report(day, place), locale)


async def cached_day_text(
    day: date, place: Place, locale: str | None, cache: Cache | None = None
) -> str:
    """:func:`day_text` for ``day`` at ``place``, through ``cache`` when one is given."""
    key = cache_key(day, place, locale)
    if cache is not None:
        hit = await cache.get(key)
        if hit is not None:
            return hit
    # A few ms of ephemeris (more on a cold process): keep it off the event loop.
    text = await asyncio.to_thread(_compute_text, day, place, locale)
    if cache is not None:
        await cache.set(key, text, CACHE_TTL_S)
    return text
