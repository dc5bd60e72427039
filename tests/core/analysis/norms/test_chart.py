"""The h-profile PNG: a real image of the expected size, with bars coloured by verdict."""

from __future__ import annotations

import io

from PIL import Image

from core.analysis.norms import compute_indicators, h_profile, render_h_profile
from core.analysis.norms.chart import COLOURS, ROW_HEIGHT, WIDTH
from core.analysis.norms.profile import Verdict

AGGRESSIVE = {"characters": ["1MSA", "1MSA"], "aggression": ["1MSA 7> D", "1MSA 7> D"]}


def colours_of(png: bytes) -> set[object]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour for _, colour in image.getcolors(maxcolors=1 << 16) or []}


def test_png_has_one_row_per_headline_indicator() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * 60), "female")
    png = render_h_profile(profile, "en")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == WIDTH
    assert image.height > ROW_HEIGHT * len(profile.headline_rows())


def test_differences_are_drawn_in_their_verdict_colours() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * 60), "female")
    found = colours_of(render_h_profile(profile, "ru"))
    assert COLOURS[Verdict.HIGHER] in found and COLOURS[Verdict.LOWER] in found


def test_too_few_dreams_draws_no_verdict_colours() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * 5), "female")
    found = colours_of(render_h_profile(profile, "en"))
    assert COLOURS[Verdict.TOO_FEW_DREAMS] in found
    assert COLOURS[Verdict.HIGHER] not in found and COLOURS[Verdict.LOWER] not in found
