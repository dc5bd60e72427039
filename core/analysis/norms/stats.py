"""Small statistics for h-profiles: Cohen's h and confidence intervals.

Proportions get a Wilson score interval (well behaved near 0 and 1 and for small counts);
rates such as the A/C index get a delta-method interval for a ratio of sums with the dream as
the sampling unit, because codes of one dream are not independent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Two-sided 95 % normal quantile.
Z95 = 1.959963984540054

Interval = tuple[float, float]


def cohens_h(p1: float, p2: float) -> float:
    """Cohen's h = 2·asin(√p1) − 2·asin(√p2); |h| ≈ 0.2 small, 0.5 medium, 0.8 large.

    >>> round(cohens_h(0.678, 0.479), 2)
    0.41
    """
    if not (0.0 <= p1 <= 1.0 and 0.0 <= p2 <= 1.0):
        raise ValueError(f"Cohen's h needs proportions in [0, 1], got {p1} and {p2}")
    return 2.0 * math.asin(math.sqrt(p1)) - 2.0 * math.asin(math.sqrt(p2))


def wilson_interval(successes: int, n: int, z: float = Z95) -> Interval:
    """Wilson score interval of ``successes / n``; ``n`` must be positive."""
    if n <= 0:
        raise ValueError("a proportion needs a positive denominator")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def ratio_interval(
    numerators: Sequence[int], denominators: Sequence[int], z: float = Z95
) -> Interval | None:
    """Delta-method interval of ``Σnum / Σden`` over dreams (cluster-robust).

    ``None`` when fewer than two dreams or a zero denominator make the variance undefined.
    """
    n = len(numerators)
    total_den = sum(denominators)
    if n < 2 or total_den == 0:
        return None
    ratio = sum(numerators) / total_den
    mean_den = total_den / n
    residual_ss = sum((a - ratio * c) ** 2 for a, c in zip(numerators, denominators, strict=True))
    se = math.sqrt(residual_ss / (n * (n - 1))) / mean_den
    return max(0.0, ratio - z * se), ratio + z * se


def h_interval(interval: Interval, norm: float) -> Interval | None:
    """Map a value interval to the h scale (h is increasing in p); ``None`` beyond [0, 1]."""
    low, high = interval
    if high > 1.0:
        return None
    return cohens_h(low, norm), cohens_h(high, norm)
