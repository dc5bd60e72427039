"""HVdC indicators, the Hall/Van de Castle norms and h-profiles of a set of coded dreams.

Typical use::

    indicators = compute_indicators([coding.card() for coding in codings])
    profile = h_profile(indicators, sex="female")
    sentences = plain_reading(profile, locale="ru")
    png = render_h_profile(profile, locale="ru")
"""

from core.analysis.norms.chart import render_h_profile
from core.analysis.norms.indicators import Indicators, IndicatorValue, compute_indicators
from core.analysis.norms.notation import NotationError
from core.analysis.norms.profile import (
    MIN_DREAMS,
    RECOMMENDED_DREAMS,
    HProfile,
    HRow,
    Verdict,
    h_profile,
)
from core.analysis.norms.reading import plain_reading, verdict_label
from core.analysis.norms.reference import NormSet, load_norms, norm_group
from core.analysis.norms.specs import INDICATORS, IndicatorSpec
from core.analysis.norms.stats import cohens_h, wilson_interval

__all__ = [
    "INDICATORS",
    "MIN_DREAMS",
    "RECOMMENDED_DREAMS",
    "HProfile",
    "HRow",
    "IndicatorSpec",
    "IndicatorValue",
    "Indicators",
    "NormSet",
    "NotationError",
    "Verdict",
    "cohens_h",
    "compute_indicators",
    "h_profile",
    "load_norms",
    "norm_group",
    "plain_reading",
    "render_h_profile",
    "verdict_label",
    "wilson_interval",
]
