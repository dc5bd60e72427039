"""The lunar calendar of a month as a PNG: dates, the lunar day beginning on each, moon discs.

The picture is drawn with Pillow only. Text uses Roboto from the ``font-roboto`` package
(Pillow's built-in scalable font has no Cyrillic); moon discs are drawn here rather than taken
from an emoji font, which a server rarely has.
"""

from __future__ import annotations

import calendar
import io
import logging
import math
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from threading import Lock

import ephem
from PIL import Image, ImageDraw, ImageFont

from core.i18n import N_, gettext, normalize_locale
from core.lunar.astro import check_date, to_ephem
from core.lunar.days import (
    compute_place,
    lunar_days_between,
    lunation_number_at,
    principal_phases,
)
from core.lunar.names import MONTH_NAMES, WEEKDAY_SHORT
from core.lunar.place_names import place_label
from core.lunar.places import Place
from core.lunar.service import local_day_bounds

log = logging.getLogger(__name__)

CELL_W, CELL_H, MARGIN, TITLE_H, HEAD_H, FOOT_H = 96, 84, 20, 64, 30, 46
DISC_R = 15
_SUPERSAMPLE = 4
BACKGROUND = (20, 24, 43)
CELL = (33, 39, 66)
OUTSIDE_CELL = (26, 30, 52)
TODAY_CELL = (58, 52, 96)
TODAY_BORDER = (242, 193, 78)
TEXT = (232, 232, 240)
MUTED = (140, 146, 176)
LUNAR = (170, 200, 255)
MOON_LIT = (246, 240, 214)
MOON_DARK = (58, 62, 84)
_SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)
_LEGEND = N_("Blue numbers: the lunar day that begins on the date (in brackets: continues).")
_FONT_LOCK = Lock()
_PLACE_LINE = N_("{place} · time zone {tz}")
_CLAMPED = N_(
    "Lunar days shown for latitude {lat}° (the moon may not rise daily farther north or south)."
)


@dataclass(frozen=True, slots=True)
class CalendarImage:
    """A rendered month: PNG bytes and the picture's size in pixels."""

    png: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class DayCell:
    """What one date shows."""

    day: date
    starting: tuple[int, ...]  # lunar days beginning on this date
    continuing: int  # lunar day in progress at local midnight
    illumination: float
    waxing: bool
    principal: bool  # a new/full moon or quarter falls on this date


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Roboto at ``size`` px; DejaVu or Pillow's default only if the package is missing."""
    try:
        import font_roboto  # type: ignore[import-untyped]  # no types; required for Cyrillic

        # Basic layout: twice as fast as raqm, and digits and Cyrillic need no shaping.
        return ImageFont.truetype(
            font_roboto.font_files["Roboto"], size, layout_engine=ImageFont.Layout.BASIC
        )
    except (ImportError, KeyError, OSError):
        for path in _SYSTEM_FONTS:
            if Path(path).is_file():
                return ImageFont.truetype(path, size)
    log.warning("no Cyrillic-capable font found; calendar text may not render in Russian")
    return ImageFont.load_default(size=size)


def month_cells(year: int, month: int, place: Place) -> list[DayCell]:
    """The data of every date of the month at ``place`` (local dates)."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    check_date(first)
    check_date(last)
    at = compute_place(place.lat, place.lon)
    t0 = to_ephem(local_day_bounds(first, place)[0])
    t1 = to_ephem(local_day_bounds(last, place)[1])
    lunar_days = lunar_days_between(t0, t1, at)
    numbers = range(lunation_number_at(t0), lunation_number_at(t1) + 1)
    phase_times = [t for n in numbers for _kind, t in principal_phases(n)]
    moon = ephem.Moon()
    cells = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        start, end = (to_ephem(b) for b in local_day_bounds(day, place))
        moon.compute(ephem.Date((start + end) / 2.0))
        cells.append(
            DayCell(
                day,
                starting=tuple(d.number for d in lunar_days if start <= to_ephem(d.start) < end),
                continuing=next(
                    d.number for d in lunar_days if to_ephem(d.start) <= start < to_ephem(d.end)
                ),
                illumination=float(moon.moon_phase),
                waxing=float(moon.elong) > 0,
                principal=any(start <= t < end for t in phase_times),
            )
        )
    return cells


@lru_cache(maxsize=512)
def moon_disc(radius: int, illumination: float, waxing: bool, southern: bool) -> Image.Image:
    """An anti-aliased RGBA moon disc lit by ``illumination`` (waxing: lit on the right in the
    northern hemisphere, mirrored in the southern). Callers round ``illumination`` to 0.01."""
    r = radius * _SUPERSAMPLE
    size = 2 * r + _SUPERSAMPLE
    tile = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    c = size / 2
    draw.ellipse((c - r, c - r, c + r, c + r), fill=MOON_DARK)
    k = max(0.0, min(1.0, illumination))
    sign = 1 if waxing != southern else -1
    limb, terminator = [], []
    for i in range(49):
        theta = math.pi * i / 48 - math.pi / 2
        dx, dy = r * math.cos(theta), r * math.sin(theta)
        limb.append((c + sign * dx, c + dy))
        terminator.append((c + sign * (1 - 2 * k) * dx, c + dy))
    if k > 0.005:
        draw.polygon(limb + terminator[::-1], fill=MOON_LIT)
    return tile.reduce(_SUPERSAMPLE)


@lru_cache(maxsize=4096)
def _text_mask(text: str, size: int) -> tuple[Image.Image, int, int]:
    """Anti-aliased coverage mask of ``text`` and its offset from the left-top anchor."""
    face = font(size)
    with _FONT_LOCK:  # a FreeType face must not render in two threads at once
        left, top, right, bottom = face.getbbox(text)
        mask = Image.new("L", (max(1, int(right - left)), max(1, int(bottom - top))), 0)
        ImageDraw.Draw(mask).text((-left, -top), text, font=face, fill=255)
    return mask, int(left), int(top)


def _text(
    image: Image.Image,
    xy: tuple[float, float],
    text: str,
    size: int,
    fill: tuple[int, int, int],
    align: str = "left",
) -> None:
    """Paste ``text`` with its left-top (or middle-top for ``align="centre"``) at ``xy``."""
    mask, left, top = _text_mask(text, size)
    x = xy[0] - (mask.width / 2 + left if align == "centre" else 0)
    image.paste(fill, (int(x + left), int(xy[1] + top)), mask)


def _cell_origin(lead: int, index: int) -> tuple[int, int]:
    slot = lead + index
    return MARGIN + (slot % 7) * CELL_W, MARGIN + TITLE_H + HEAD_H + (slot // 7) * CELL_H


def _cell_background(
    draw: ImageDraw.ImageDraw, x: int, y: int, fill: tuple[int, int, int], today: bool = False
) -> None:
    box = (x + 2, y + 2, x + CELL_W - 2, y + CELL_H - 2)
    outline, width = (TODAY_BORDER, 3) if today else (None, 0)
    draw.rounded_rectangle(box, radius=8, fill=fill, outline=outline, width=width)


@lru_cache(maxsize=64)
def _grid(year: int, month: int, locale: str | None) -> Image.Image:
    """Everything that depends on the month and language only: title, weekdays, dates, legend."""
    lead, days = calendar.monthrange(year, month)
    rows = math.ceil((lead + days) / 7)
    width, height = 2 * MARGIN + 7 * CELL_W, MARGIN + TITLE_H + HEAD_H + rows * CELL_H + FOOT_H
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _text(
        image,
        (width / 2, MARGIN + 4),
        f"{gettext(MONTH_NAMES[month - 1], locale)} {year}",
        32,
        TEXT,
        "centre",
    )
    for col, name in enumerate(WEEKDAY_SHORT):
        x = MARGIN + col * CELL_W + CELL_W / 2
        _text(
            image,
            (x, MARGIN + TITLE_H + 4),
            gettext(name, locale),
            16,
            TODAY_BORDER if col >= 5 else MUTED,
            "centre",
        )
    for slot in range(rows * 7):
        x, y = _cell_origin(0, slot)
        inside = 0 <= slot - lead < days
        _cell_background(draw, x, y, CELL if inside else OUTSIDE_CELL)
        if inside:
            _text(image, (x + 10, y + 8), str(slot - lead + 1), 22, TEXT)
    _text(image, (MARGIN, height - FOOT_H + 8), gettext(_LEGEND, locale), 13, MUTED)
    return image


def _draw_cell(
    image: Image.Image, cell: DayCell, x: int, y: int, today: bool, southern: bool
) -> None:
    if today:
        _cell_background(ImageDraw.Draw(image), x, y, TODAY_CELL, today=True)
        _text(image, (x + 10, y + 8), str(cell.day.day), 22, TEXT)
    disc = moon_disc(DISC_R, round(cell.illumination, 2), cell.waxing, southern)
    dx, dy = x + CELL_W - disc.width - 12, y + 9
    image.paste(disc, (dx, dy), disc)
    if cell.principal:
        ring = (dx - 3, dy - 3, dx + disc.width + 2, dy + disc.height + 2)
        ImageDraw.Draw(image).ellipse(ring, outline=TODAY_BORDER, width=2)
    if cell.starting:
        _text(image, (x + 10, y + CELL_H - 30), ", ".join(map(str, cell.starting)), 20, LUNAR)
    else:
        _text(image, (x + 10, y + CELL_H - 28), f"({cell.continuing})", 18, MUTED)


def draw_month(
    year: int, month: int, place: Place, locale: str | None, today: date | None = None
) -> Image.Image:
    """The month as a Pillow RGB image (see :func:`render_month` for PNG bytes)."""
    cells = month_cells(year, month, place)
    image = _grid(year, month, locale).copy()
    width, height = image.size
    name = place_label(place.name, normalize_locale(locale))
    line = gettext(_PLACE_LINE, locale).format(place=name, tz=place.tz)
    _text(image, (width / 2, MARGIN + 44), line, 15, MUTED, "centre")
    at = compute_place(place.lat, place.lon)
    if at.latitude_clamped:
        _text(
            image,
            (MARGIN, height - FOOT_H + 26),
            gettext(_CLAMPED, locale).format(lat=at.lat),
            13,
            TODAY_BORDER,
        )
    lead = cells[0].day.weekday()
    for index, cell in enumerate(cells):
        x, y = _cell_origin(lead, index)
        _draw_cell(image, cell, x, y, cell.day == today, place.lat < 0)
    return image


def cell_box(year: int, month: int, day: int) -> tuple[int, int, int, int]:
    """Pixel box of a date's cell in the picture (for tests and tap targets)."""
    x, y = _cell_origin(date(year, month, 1).weekday(), day - 1)
    return x, y, x + CELL_W, y + CELL_H


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    """A fixed palette of the scheme's colours and eight blends of every background/ink pair:
    quantizing to it is ~1 ms and makes PNG encoding several times faster than RGB."""
    backgrounds = (BACKGROUND, CELL, OUTSIDE_CELL, TODAY_CELL, MOON_DARK)
    inks = (TEXT, MUTED, LUNAR, TODAY_BORDER, MOON_LIT, MOON_DARK)
    colours: list[tuple[int, int, int]] = [*backgrounds, *inks]
    for bg in backgrounds:
        for ink in inks:
            for step in range(1, 8):
                f = step / 8
                blend = tuple(round(b + (i - b) * f) for b, i in zip(bg, ink, strict=True))
                if blend not in colours:
                    colours.append(blend)  # type: ignore[arg-type]
    flat = [channel for colour in colours[:256] for channel in colour]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


def encode_png(image: Image.Image) -> bytes:
    """The picture as a palette PNG."""
    indexed = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    indexed.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


_CACHE: OrderedDict[tuple[object, ...], CalendarImage] = OrderedDict()
_CACHE_SIZE = 256
_CACHE_LOCK = Lock()


def render_month(
    year: int, month: int, place: Place, locale: str | None, today: date | None = None
) -> CalendarImage:
    """The month at ``place`` as PNG bytes with its size; ``today`` is highlighted if shown.

    Pictures are kept in a bounded in-memory LRU keyed by month, place (0.1°), zone, locale and
    highlighted date.
    """
    at = compute_place(place.lat, place.lon)
    key = (year, month, at.lat, at.lon, place.tz, place.name, locale, today)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    image = draw_month(year, month, place, locale, today)
    result = CalendarImage(encode_png(image), image.width, image.height)
    with _CACHE_LOCK:
        _CACHE[key] = result
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return result
