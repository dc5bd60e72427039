"""Does the moon relate to *this user's* dreams? An honest test on the user's own journal.

Mood and the presence of HVdC negative emotions are cross-tabulated against the phase (four
quarters centred on the principal phases) and against lunar-day groups (1-7, 8-15, 16-22,
23-30). Each table gets a chi-square statistic whose p-value comes from a permutation test
(personal journals have small expected counts, where the asymptotic chi-square p-value is not
trustworthy; numpy is enough, so no scipy at run time), Bonferroni-adjusted for the number of
tables. Below :data:`MIN_DREAMS` dreams nothing is claimed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from core.i18n import N_, gettext, ngettext
from core.lunar.astro import check_moment, elongation
from core.lunar.days import compute_place, lunar_day_at_t
from core.lunar.names import PHASE_GROUPS, phase_group_for_elongation
from core.lunar.places import Place

MIN_DREAMS = 30
ALPHA = 0.05
PERMUTATIONS = 4000
DAY_GROUPS: tuple[tuple[int, int], ...] = ((1, 7), (8, 15), (16, 22), (23, 30))

_PHASE_GROUP_PHRASES: dict[str, str] = {
    "new_moon": N_("around the new moon"),
    "first_quarter": N_("around the first quarter"),
    "full_moon": N_("around the full moon"),
    "last_quarter": N_("around the last quarter"),
}
_DAY_GROUP_PHRASE = N_("on lunar days {first}–{last}")
_NEGATIVE = N_("Dreams with negative emotions")
_NOT_NEGATIVE = N_("Dreams without negative emotions")
_MOOD = N_("Dreams with the mood “{mood}”")


@dataclass(frozen=True, slots=True)
class DreamPoint:
    """One dream as the statistics see it: when (UTC), the mood label, negative emotion coded."""

    when: datetime
    mood: str
    negative_emotion: bool


@dataclass(frozen=True, slots=True)
class Association:
    """One contingency table (grouping × outcome) and its permutation chi-square test."""

    grouping: str  # "phase" | "lunar_day"
    outcome: str  # "mood" | "negative_emotion"
    groups: tuple[str, ...]
    categories: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]  # [group][category]
    chi_square: float
    p_value: float  # permutation p-value, unadjusted
    p_adjusted: float  # Bonferroni over the tables tested
    cramers_v: float

    def strongest_cell(self) -> tuple[int, int]:
        """(group, category) with the largest positive standardized residual."""
        table = np.asarray(self.counts, dtype=float)
        expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / table.sum()
        residual = np.where(
            expected > 0, (table - expected) / np.sqrt(np.maximum(expected, 1e-12)), 0
        )
        g, c = np.unravel_index(int(np.argmax(residual)), residual.shape)
        return int(g), int(c)


@dataclass(frozen=True, slots=True)
class MoonRelationship:
    """The verdict on a user's journal; :func:`describe` turns it into one sentence."""

    dreams: int
    associations: tuple[Association, ...]  # empty below MIN_DREAMS

    @property
    def enough(self) -> bool:
        return self.dreams >= MIN_DREAMS

    @property
    def strongest(self) -> Association | None:
        """The most significant association after adjustment, if any is significant."""
        hits = [a for a in self.associations if a.p_adjusted < ALPHA]
        return min(hits, key=lambda a: a.p_adjusted) if hits else None


def day_group(day: int) -> str:
    """Label of the lunar-day group containing ``day``, e.g. ``"8-15"``."""
    for first, last in DAY_GROUPS:
        if first <= day <= last:
            return f"{first}-{last}"
    raise ValueError(f"lunar day must be 1..30, not {day}")


def _chi_square(table: np.ndarray, expected: np.ndarray) -> np.ndarray:
    mask = expected > 0
    diff = np.where(mask, table - expected, 0.0)
    chi: np.ndarray = (diff * diff / np.where(mask, expected, 1.0)).sum(axis=(-2, -1))
    return chi


def _null_statistics(
    groups: np.ndarray,
    outcomes: np.ndarray,
    shape: tuple[int, int],
    expected: np.ndarray,
    rng: np.random.Generator,
    count: int,
) -> np.ndarray:
    """Chi-square of ``count`` random relabellings (one bincount over all of them)."""
    cells = shape[0] * shape[1]
    shuffled = rng.permuted(np.broadcast_to(outcomes, (count, len(outcomes))), axis=1)
    offsets = (np.arange(count) * cells)[:, None]
    flat = np.bincount((offsets + groups * shape[1] + shuffled).ravel(), minlength=count * cells)
    return _chi_square(flat.reshape(count, *shape).astype(float), expected)


def permutation_chi_square(
    groups: np.ndarray, outcomes: np.ndarray, n_groups: int, n_categories: int, seed: int = 0
) -> tuple[np.ndarray, float, float]:
    """Contingency table, chi-square and its permutation p-value (margins are fixed)."""
    n = len(groups)
    observed = np.bincount(groups * n_categories + outcomes, minlength=n_groups * n_categories)
    table = observed.reshape(n_groups, n_categories).astype(float)
    expected = table.sum(1, keepdims=True) * table.sum(0, keepdims=True) / n
    statistic = float(_chi_square(table, expected))
    rng = np.random.default_rng(seed)
    # Chunks keep memory bounded (~16 MB) for long journals.
    chunk = max(1, min(PERMUTATIONS, 2_000_000 // n))
    exceed, done = 0, 0
    while done < PERMUTATIONS:
        count = min(chunk, PERMUTATIONS - done)
        null = _null_statistics(groups, outcomes, table.shape, expected, rng, count)
        exceed += int(np.count_nonzero(null >= statistic - 1e-9))
        done += count
    return table, statistic, (1.0 + exceed) / (PERMUTATIONS + 1.0)


def _associate(
    grouping: str,
    outcome: str,
    labels: Sequence[str],
    order: Sequence[str],
    values: Sequence[str],
) -> Association | None:
    """Test one grouping against one outcome; None when either has a single level."""
    categories = sorted(set(values))
    groups = [g for g in order if g in set(labels)]
    if len(categories) < 2 or len(groups) < 2:
        return None
    g_index = np.array([groups.index(g) for g in labels])
    c_index = np.array([categories.index(v) for v in values])
    seed = len(values) * 7919 + len(categories)  # deterministic: same journal, same answer
    table, statistic, p_value = permutation_chi_square(
        g_index, c_index, len(groups), len(categories), seed
    )
    return Association(
        grouping,
        outcome,
        tuple(groups),
        tuple(categories),
        tuple(tuple(int(x) for x in row) for row in table),
        statistic,
        p_value,
        p_value,
        float(np.sqrt(statistic / (table.sum() * (min(table.shape) - 1)))),
    )


def moon_relationship(
    dreams: Iterable[DreamPoint | tuple[datetime, str, bool]], place: Place
) -> MoonRelationship:
    """Test the user's dreams for a relationship with phase and lunar day at ``place``."""
    points = [d if isinstance(d, DreamPoint) else DreamPoint(*d) for d in dreams]
    if len(points) < MIN_DREAMS:
        return MoonRelationship(len(points), ())
    at = compute_place(place.lat, place.lon)
    times = [check_moment(p.when) for p in points]
    phases = [phase_group_for_elongation(elongation(t)) for t in times]
    days = [day_group(lunar_day_at_t(t, at).number) for t in times]
    day_labels = [f"{a}-{b}" for a, b in DAY_GROUPS]
    moods = [p.mood for p in points]
    negatives = ["yes" if p.negative_emotion else "no" for p in points]
    raw = [
        _associate("phase", "mood", phases, PHASE_GROUPS, moods),
        _associate("phase", "negative_emotion", phases, PHASE_GROUPS, negatives),
        _associate("lunar_day", "mood", days, day_labels, moods),
        _associate("lunar_day", "negative_emotion", days, day_labels, negatives),
    ]
    tested = [r for r in raw if r is not None]
    adjusted = (replace(r, p_adjusted=min(1.0, r.p_value * len(tested))) for r in tested)
    return MoonRelationship(len(points), tuple(adjusted))


def _group_phrase(association: Association, group: str, locale: str | None) -> str:
    if association.grouping == "phase":
        return gettext(_PHASE_GROUP_PHRASES[group], locale)
    first, last = group.split("-")
    return gettext(_DAY_GROUP_PHRASE, locale).format(first=first, last=last)


def _category_phrase(association: Association, category: str, locale: str | None) -> str:
    if association.outcome == "negative_emotion":
        phrase = _NEGATIVE if category == "yes" else _NOT_NEGATIVE
        return gettext(phrase, locale)
    return gettext(_MOOD, locale).format(mood=gettext(category, locale))


def describe(result: MoonRelationship, locale: str | None) -> str:
    """One honest sentence: how many more dreams are needed, no relationship, or the effect."""
    n = result.dreams
    if not result.enough:
        more = MIN_DREAMS - n
        return ngettext(
            "Add {more} more dream to see whether the moon relates to your dreams (the comparison starts at {min} dreams).",
            "Add {more} more dreams to see whether the moon relates to your dreams (the comparison starts at {min} dreams).",
            more,
            locale,
        ).format(more=more, min=MIN_DREAMS)
    best = result.strongest
    if best is None:
        return ngettext(
            "No relationship between the moon and your dreams is detectable in your {n} dream.",
            "No relationship between the moon and your dreams is detectable in your {n} dreams.",
            n,
            locale,
        ).format(n=n)
    g, c = best.strongest_cell()
    table = np.asarray(best.counts, dtype=float)
    inside = table[g, c] / table[g].sum()
    outside = (table[:, c].sum() - table[g, c]) / max(table.sum() - table[g].sum(), 1.0)
    return gettext(
        "{category} are more frequent {group}: {inside}% of your dreams there versus {outside}% "
        "at other times (p = {p} after adjusting for {k} comparisons, {n} dreams).",
        locale,
    ).format(
        category=_category_phrase(best, best.categories[c], locale),
        group=_group_phrase(best, best.groups[g], locale),
        inside=round(100 * inside),
        outside=round(100 * outside),
        p=f"{best.p_adjusted:.3g}",
        k=len(result.associations),
        n=n,
    )
