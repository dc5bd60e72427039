"""The month picture: size, the highlighted day, Cyrillic text, moon discs, caching."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageChops

from core.lunar.calendar_png import (
    CELL_H,
    CELL_W,
    _text_mask,
    cell_box,
    month_cells,
    moon_disc,
    render_month,
)
from core.lunar.places import Place

MOSCOW = Place("Москва", 55.75, 37.62, "Europe/Moscow")


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


def test_picture_is_a_png_of_the_reported_size() -> None:
    picture = render_month(2026, 11, MOSCOW, "ru", date(2026, 11, 26))
    image = _image(picture.png)
    assert picture.png.startswith(b"\x89PNG")
    assert image.size == (picture.width, picture.height) == (712, 664)  # six week rows
    assert 5_000 < len(picture.png) < 300_000


def test_highlighted_day_differs_from_the_same_picture_without_it() -> None:
    plain = _image(render_month(2026, 11, MOSCOW, "ru").png)
    marked = _image(render_month(2026, 11, MOSCOW, "ru", date(2026, 11, 26)).png)
    box = cell_box(2026, 11, 26)
    assert ImageChops.difference(plain.crop(box), marked.crop(box)).getbbox() is not None
    other = cell_box(2026, 11, 12)
    assert ImageChops.difference(plain.crop(other), marked.crop(other)).getbbox() is None
    border = marked.getpixel((box[0] + 3, box[1] + CELL_H // 2))
    assert border[0] > 200 and border[1] > 150  # the golden frame


def test_month_titles_are_localized_and_cyrillic_renders() -> None:
    russian = _image(render_month(2026, 11, MOSCOW, "ru").png)
    english = _image(render_month(2026, 11, MOSCOW, "en").png)
    title = (0, 0, russian.width, 60)
    assert ImageChops.difference(russian.crop(title), english.crop(title)).getbbox() is not None
    # A font without Cyrillic draws every letter as the same box.
    masks = [_text_mask(letter, 22)[0].tobytes() for letter in "ЖНя"]
    assert len(set(masks)) == 3


def test_discs_show_the_phase_and_mirror_in_the_southern_hemisphere() -> None:
    full, new = moon_disc(15, 1.0, True, False), moon_disc(15, 0.0, True, False)
    assert sum(full.convert("L").getdata()) > 2 * sum(new.convert("L").getdata())
    waxing = moon_disc(15, 0.3, True, False).convert("L")
    right, left = waxing.getpixel((25, 15)), waxing.getpixel((5, 15))
    assert right > left
    south = moon_disc(15, 0.3, True, True).convert("L")
    assert south.getpixel((5, 15)) > south.getpixel((25, 15))


def test_cells_carry_the_lunar_day_starting_on_each_date() -> None:
    cells = month_cells(2026, 11, MOSCOW)
    assert len(cells) == 30
    by_day = {c.day.day: c for c in cells}
    assert by_day[9].starting == (30, 1) and by_day[9].principal  # new moon 9 Nov 07:02 UT
    assert by_day[26].starting == (18,)
    assert by_day[24].principal and by_day[24].illumination > 0.99
    for cell in cells:
        assert cell.starting or cell.continuing  # every date shows a number


def test_cached_picture_is_returned_as_is() -> None:
    first = render_month(2026, 10, MOSCOW, "en", date(2026, 10, 1))
    assert render_month(2026, 10, MOSCOW, "en", date(2026, 10, 1)) is first
    assert first.width > CELL_W * 7


def test_cells_agree_with_the_day_reports_of_their_dates() -> None:
    from core.lunar.service import day_report

    sydney = Place("Sydney", -33.87, 151.21, "Australia/Sydney")
    for cell in month_cells(2025, 10, sydney):  # daylight saving starts on 5 October
        report = day_report(cell.day, sydney)
        start = report.local(report.lunar_days[0].start)
        starting = tuple(
            d.number for d in report.lunar_days if report.local(d.start).date() == cell.day
        )
        assert cell.starting == starting, cell.day
        assert cell.principal == bool(report.phase_events), cell.day
        assert start.date() <= cell.day
