"""The h-profile: each indicator against the sex-specific norms, with sampling error built in.

Published guidance (Domhoff 1996, 2003): about 75-100 dreams give a usable individual profile;
below ~50, sampling error swamps most indicators (Male/Female % moves by ±8.4 points at 50
dreams). So every row carries a confidence interval, and no row claims a difference below
``MIN_DREAMS`` dreams or when its interval still contains the norm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.analysis.norms.indicators import Indicators, IndicatorValue
from core.analysis.norms.reference import NormSet, load_norms
from core.analysis.norms.specs import RATE
from core.analysis.norms.stats import (
    Interval,
    cohens_h,
    h_interval,
    ratio_interval,
    wilson_interval,
)

#: Below this many dreams no verdict is given ("too few dreams").
MIN_DREAMS = 50
#: From this many dreams on, a profile is no longer called tentative.
RECOMMENDED_DREAMS = 100
#: Smallest |h| reported as a difference (Cohen's "small").
MIN_EFFECT = 0.2


class Verdict(StrEnum):
    """How one indicator compares with the norm."""

    TOO_FEW_DREAMS = "too_few_dreams"
    NO_DATA = "no_data"
    SIMILAR = "similar"
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True, slots=True)
class HRow:
    """One indicator of the profile; ``ci`` is the 95 % interval of ``value``, ``h_ci`` of h."""

    key: str
    label: str
    kind: str
    headline: bool
    value: float | None
    norm: float | None
    h: float | None
    ci: Interval | None
    h_ci: Interval | None
    numerator: int
    denominator: int
    verdict: Verdict

    @property
    def magnitude(self) -> str:
        """Cohen's words for |h|: ``negligible``, ``small``, ``medium`` or ``large``."""
        size = abs(self.h or 0.0)
        if size >= 0.8:
            return "large"
        if size >= 0.5:
            return "medium"
        return "small" if size >= MIN_EFFECT else "negligible"


@dataclass(frozen=True, slots=True)
class HProfile:
    """An h-profile of ``n_dreams`` dreams against the ``norm_group`` norms."""

    norm_group: str
    n_dreams: int
    rows: tuple[HRow, ...]

    @property
    def enough_dreams(self) -> bool:
        return self.n_dreams >= MIN_DREAMS

    @property
    def tentative(self) -> bool:
        return self.n_dreams < RECOMMENDED_DREAMS

    def row(self, key: str) -> HRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def headline_rows(self) -> tuple[HRow, ...]:
        """Rows for readings and charts (without variants of another row)."""
        return tuple(r for r in self.rows if r.headline)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (verdicts as their string values, intervals as lists)."""
        return {
            "norm_group": self.norm_group,
            "n_dreams": self.n_dreams,
            "enough_dreams": self.enough_dreams,
            "tentative": self.tentative,
            "rows": [_row_dict(row) for row in self.rows],
        }

    def differences(self) -> list[HRow]:
        """Headline rows with a verdict of higher or lower, largest |h| first."""
        found = [
            r for r in self.rows if r.headline and r.verdict in (Verdict.HIGHER, Verdict.LOWER)
        ]
        return sorted(found, key=lambda r: -abs(r.h or 0.0))


def _row_dict(row: HRow) -> dict[str, object]:
    return {
        "key": row.key,
        "label": row.label,
        "kind": row.kind,
        "value": row.value,
        "norm": row.norm,
        "h": row.h,
        "ci": list(row.ci) if row.ci else None,
        "h_ci": list(row.h_ci) if row.h_ci else None,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "verdict": row.verdict.value,
    }


def value_interval(item: IndicatorValue, indicators: Indicators) -> Interval | None:
    """95 % interval of an indicator, with the dream as the sampling unit.

    The wider of the Wilson interval (exact enough for dream-level proportions, and never
    zero-width for rare events) and the cluster delta-method interval (codes of one dream are
    correlated: Wilson alone covered Familiarity % only ~88 % of the time at 50 dreams when
    subsampling the gold cards). Rates above 1 get the delta interval only.
    """
    if not item.denominator:
        return None
    nums = [t[item.spec.numerator] for t in indicators.per_dream]
    dens = [t[item.spec.denominator] for t in indicators.per_dream]
    delta = ratio_interval(nums, dens)
    if item.numerator > item.denominator:
        return delta
    wilson = wilson_interval(item.numerator, item.denominator)
    if delta is None:
        return wilson
    high = max(wilson[1], delta[1])
    return min(wilson[0], delta[0]), high if item.spec.kind == RATE else min(1.0, high)


def _verdict(n_dreams: int, h: float | None, ci: Interval | None, norm: float | None) -> Verdict:
    if h is None or norm is None:
        return Verdict.NO_DATA
    if n_dreams < MIN_DREAMS:
        return Verdict.TOO_FEW_DREAMS
    if ci is None or abs(h) < MIN_EFFECT or ci[0] <= norm <= ci[1]:
        return Verdict.SIMILAR
    return Verdict.HIGHER if h > 0 else Verdict.LOWER


def _row(item: IndicatorValue, indicators: Indicators, norms: NormSet) -> HRow:
    value, norm = item.value, norms.get(item.spec.key)
    h = cohens_h(value, norm) if value is not None and norm is not None and value <= 1 else None
    ci = value_interval(item, indicators)
    h_ci = h_interval(ci, norm) if (ci is not None and norm is not None and h is not None) else None
    return HRow(
        key=item.spec.key,
        label=item.spec.label,
        kind=item.spec.kind,
        headline=item.spec.headline,
        value=value,
        norm=norm,
        h=h,
        ci=ci,
        h_ci=h_ci,
        numerator=item.numerator,
        denominator=item.denominator,
        verdict=_verdict(indicators.n_dreams, h, ci, norm),
    )


def h_profile(indicators: Indicators, sex: str | None) -> HProfile:
    """Compare indicators with the norms for ``sex`` (``female``/``male``; else pooled).

    h = 2·asin(√value) − 2·asin(√norm): positive means more than the norm.
    """
    norms = load_norms(sex)
    rows = tuple(_row(item, indicators, norms) for item in indicators.values)
    return HProfile(norm_group=norms.group, n_dreams=indicators.n_dreams, rows=rows)
