"""h-profiles: Cohen's h, intervals, and no verdict below the minimum sample."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

from core.analysis.norms import (
    MIN_DREAMS,
    Verdict,
    cohens_h,
    compute_indicators,
    h_profile,
    load_norms,
    plain_reading,
    wilson_interval,
)
from core.analysis.norms.indicators import indicators_from_tallies
from core.analysis.norms.profile import value_interval
from core.analysis.norms.stats import ratio_interval

#: A dream with only men and one-way aggression against the dreamer (far from every norm).
AGGRESSIVE = {"characters": ["1MSA", "1MSA"], "aggression": ["1MSA 7> D", "1MSA 7> D"]}


def test_h_is_zero_for_equal_proportions_and_antisymmetric() -> None:
    assert cohens_h(0.3, 0.3) == 0.0
    assert cohens_h(0.6, 0.4) == pytest.approx(-cohens_h(0.4, 0.6))
    assert cohens_h(1.0, 0.0) == pytest.approx(math.pi)


def test_h_of_the_norms_matches_the_published_men_vs_women_value() -> None:
    women, men = load_norms("female"), load_norms("male")
    h = cohens_h(men.values["male_female"], women.values["male_female"])
    assert round(h, 2) == 0.41


def test_h_rejects_values_outside_zero_one() -> None:
    with pytest.raises(ValueError):
        cohens_h(1.2, 0.5)


def test_wilson_interval_contains_the_estimate_and_narrows_with_n() -> None:
    low, high = wilson_interval(5, 10)
    assert low < 0.5 < high
    narrow = wilson_interval(500, 1000)
    assert narrow[1] - narrow[0] < high - low
    assert wilson_interval(0, 20)[0] == 0.0 and wilson_interval(0, 20)[1] > 0.0


def test_ratio_interval_is_undefined_for_one_dream_and_centred_otherwise() -> None:
    assert ratio_interval([1], [2]) is None
    low, high = ratio_interval([1, 2, 0, 1], [2, 3, 2, 1])  # type: ignore[misc]
    assert low < 4 / 8 < high


def test_no_verdict_below_the_minimum_number_of_dreams() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * (MIN_DREAMS - 1)), "female")
    victim = profile.row("victimization")
    assert victim.h is not None and victim.h > 0.5  # the difference is computed ...
    assert victim.verdict is Verdict.TOO_FEW_DREAMS  # ... but no verdict is claimed
    assert not profile.differences()


def test_a_clear_difference_is_reported_from_the_minimum_number_on() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * MIN_DREAMS), "female")
    assert profile.row("victimization").verdict is Verdict.HIGHER
    assert profile.row("male_female").verdict is Verdict.HIGHER
    assert profile.row("aggressor").verdict is Verdict.LOWER


def test_interval_containing_the_norm_means_similar_even_for_a_sizeable_h() -> None:
    norm = load_norms("female").values["male_female"]  # about 0.48
    few_characters = [{"characters": ["1MKA", "1MKA", "1MKA", "1FKA", "1FKA"]}] * 2
    cards = few_characters + [{"characters": []}] * 58  # 60 dreams, but only 10 characters
    row = h_profile(compute_indicators(cards), "female").row("male_female")
    assert row.h is not None and row.h >= 0.2
    assert row.ci is not None and row.ci[0] <= norm <= row.ci[1]
    assert row.verdict is Verdict.SIMILAR


def test_indicator_without_data_has_no_h() -> None:
    row = h_profile(compute_indicators([{"characters": []}] * 60), "male").row("male_female")
    assert row.h is None and row.verdict is Verdict.NO_DATA


def test_rare_event_rate_interval_is_never_zero_width() -> None:
    profile = h_profile(compute_indicators([{"characters": ["1MKA"]}] * 60), "male")
    low, high = profile.row("sc_index").ci  # type: ignore[misc]
    assert low == 0.0 and high > 0.05  # 0 of 60 characters is compatible with 0.06


def test_unspecified_sex_uses_the_pooled_norms() -> None:
    assert h_profile(compute_indicators([AGGRESSIVE]), None).norm_group == "pooled"
    assert h_profile(compute_indicators([AGGRESSIVE]), "F").norm_group == "female"


def test_reading_says_too_few_dreams_and_claims_nothing() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * 3), "female")
    sentences = plain_reading(profile, "en")
    assert any("Dreams: 3. That is too few" in s for s in sentences)
    assert not any("h =" in s for s in sentences)


def test_reading_names_the_largest_difference_first_in_russian() -> None:
    profile = h_profile(compute_indicators([AGGRESSIVE] * 120), "female")
    sentences = plain_reading(profile, "ru")
    assert sentences[0] == "Сравнение с нормами Холла и Ван де Касла для женщин."
    assert "(h = +" in sentences[1] or "(h = -" in sentences[1]
    assert all("norm" not in s for s in sentences)  # everything translated


def test_gold_profile_against_mens_norms_lowers_male_female(
    gold_cards: list[dict[str, Any]],
) -> None:
    profile = h_profile(compute_indicators(gold_cards), "male")
    row = profile.row("male_female")
    assert row.verdict is Verdict.LOWER and row.h == pytest.approx(-0.41, abs=0.01)
    assert not profile.tentative


def test_intervals_of_fifty_dream_subsets_cover_the_full_set_value(
    gold_cards: list[dict[str, Any]],
) -> None:
    """Characters of one dream are correlated; the interval must still hold ~95 %."""
    full = compute_indicators(gold_cards)
    rng = random.Random(3)
    for key in ("familiarity", "male_female", "ac_index", "victimization"):
        truth = full.value(key)
        assert truth is not None
        hits = 0
        for _ in range(200):
            subset = indicators_from_tallies(rng.sample(list(full.per_dream), MIN_DREAMS))
            interval = value_interval(subset.get(key), subset)
            assert interval is not None
            hits += interval[0] <= truth <= interval[1]
        assert hits / 200 >= 0.88, key
