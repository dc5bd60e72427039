"""Draw an h-profile as a PNG bar chart with Pillow (no matplotlib: it is heavy for one chart).

One bar per indicator: Cohen's h against the norm, its 95 % interval as a whisker, colour by
verdict. Uses Roboto when installed (Cyrillic labels), Pillow's built-in font otherwise.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from core.analysis.norms.profile import HProfile, HRow, Verdict
from core.analysis.norms.reference import FEMALE, MALE, POOLED
from core.i18n import N_, gettext

WIDTH = 960
ROW_HEIGHT = 24
TOP = 64
BOTTOM = 56
LABEL_WIDTH = 360
MARGIN = 24
#: The h axis runs from -H_LIMIT to +H_LIMIT; larger |h| is drawn clipped at the edge.
H_LIMIT = 1.0
GUIDES = (0.2, 0.5, 0.8)

BACKGROUND = (255, 255, 255)
INK = (33, 33, 33)
GRID = (210, 210, 210)
COLOURS: dict[Verdict, tuple[int, int, int]] = {
    Verdict.HIGHER: (214, 96, 77),
    Verdict.LOWER: (67, 147, 195),
    Verdict.SIMILAR: (160, 160, 160),
    Verdict.TOO_FEW_DREAMS: (200, 200, 200),
    Verdict.NO_DATA: (230, 230, 230),
}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=4)
def _font(size: int) -> Font:
    try:
        import font_roboto  # type: ignore[import-untyped]  # Cyrillic-capable TrueType font

        return ImageFont.truetype(font_roboto.Roboto, size)
    except (ImportError, OSError):
        return ImageFont.load_default(size)


class _Axis:
    """Maps h to an x pixel inside the plot area."""

    def __init__(self) -> None:
        self.left = LABEL_WIDTH + MARGIN
        self.right = WIDTH - MARGIN

    def x(self, h: float) -> int:
        clipped = max(-H_LIMIT, min(H_LIMIT, h))
        return round(self.left + (clipped + H_LIMIT) / (2 * H_LIMIT) * (self.right - self.left))


def _draw_grid(draw: ImageDraw.ImageDraw, axis: _Axis, bottom: int) -> None:
    font = _font(12)
    for value in (*(-g for g in reversed(GUIDES)), 0.0, *GUIDES):
        x = axis.x(value)
        draw.line([(x, TOP - 6), (x, bottom)], fill=INK if value == 0 else GRID, width=1)
        draw.text((x, bottom + 4), f"{value:+.1f}", fill=INK, font=font, anchor="mt")


def _draw_row(
    draw: ImageDraw.ImageDraw, axis: _Axis, row: HRow, y: int, locale: str | None
) -> None:
    font = _font(14)
    draw.text(
        (LABEL_WIDTH, y + ROW_HEIGHT // 2),
        gettext(row.label, locale),
        fill=INK,
        font=font,
        anchor="rm",
    )
    if row.h is None:
        return
    zero, end = axis.x(0.0), axis.x(row.h)
    draw.rectangle(
        [(min(zero, end), y + 5), (max(zero, end), y + ROW_HEIGHT - 5)], fill=COLOURS[row.verdict]
    )
    if row.h_ci is not None:
        low, high = axis.x(row.h_ci[0]), axis.x(row.h_ci[1])
        mid = y + ROW_HEIGHT // 2
        draw.line([(low, mid), (high, mid)], fill=INK, width=1)
        draw.line([(low, mid - 4), (low, mid + 4)], fill=INK, width=1)
        draw.line([(high, mid - 4), (high, mid + 4)], fill=INK, width=1)


_TITLES: dict[str, str] = {
    FEMALE: N_("h-profile against the women's norms, dreams: {n}"),
    MALE: N_("h-profile against the men's norms, dreams: {n}"),
    POOLED: N_("h-profile against the pooled norms, dreams: {n}"),
}


def _title(profile: HProfile, locale: str | None) -> str:
    template = _TITLES.get(profile.norm_group, _TITLES[POOLED])
    return gettext(template, locale).format(n=profile.n_dreams)


def render_h_profile(profile: HProfile, locale: str | None = "en") -> bytes:
    """The h-profile as PNG bytes (rows without an h, e.g. no data, show only their label)."""
    rows = profile.headline_rows()
    bottom = TOP + ROW_HEIGHT * len(rows)
    image = Image.new("RGB", (WIDTH, bottom + BOTTOM), BACKGROUND)
    draw = ImageDraw.Draw(image)
    axis = _Axis()
    draw.text((MARGIN, 18), _title(profile, locale), fill=INK, font=_font(18))
    _draw_grid(draw, axis, bottom)
    for index, row in enumerate(rows):
        _draw_row(draw, axis, row, TOP + index * ROW_HEIGHT, locale)
    note = gettext(
        "Bars: Cohen's h (right = more than the norm); lines: confidence interval, 95%.", locale
    )
    draw.text((MARGIN, bottom + 26), note, fill=INK, font=_font(12))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
