"""Indicator formulas on small hand-made cards, and the women's norms from the gold cards."""

from __future__ import annotations

from typing import Any

import pytest

from core.analysis.norms import compute_indicators, load_norms
from core.analysis.norms.specs import INDICATORS

CARD: dict[str, list[str]] = {
    "characters": ["1MKA", "1FKA", "2JSA", "1ANI", "3FMA"],
    "aggression": ["2JSA 7> D", "D 2> 1MKA", "1MKA 3R D", "1ANI 1> 1FKA"],
    "friendliness": ["1FKA 4> D", "D 2> 1MKA + 1FKA"],
    "sexuality": [],
    "settings": ["IF", "OU", "AD"],
    "objects": ["BH", "BT", "AR"],
    "failure": ["FL, D"],
    "success": ["SU, D", "SU, 1MKA"],
    "misfortune": ["M5, D", "M1, 1FKA"],
    "good_fortune": [],
    "emotions": ["AP, D", "HA, D + 1FKA", "SD, 1FMA"],
}


def value(cards: list[dict[str, Any]], key: str) -> float | None:
    return compute_indicators(cards).value(key)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("male_female", 1 / 3),  # 1MKA vs 1FKA + 3FMA; J is neither
        ("familiarity", 3 / 4),  # K, K, M familiar; S not
        ("friends", 2 / 4),
        ("family", 1 / 4),
        ("group", 1 / 4),
        ("dead_imaginary", 1 / 5),
        ("animal", 1 / 5),
        ("ac_index", 4 / 5),
        ("fc_index", 2 / 5),
        ("sc_index", 0.0),
        ("aggression_friendliness", 3 / 5),  # dreamer-involved: 3 aggressions, 2 friendlinesses
        ("aggressor", 1 / 2),  # one-way only: D 2> vs 2JSA 7> D; 3R does not count
        ("victimization", 1 / 2),
        ("befriender", 1 / 2),
        ("physical_aggression", 1 / 4),
        ("negative_emotions", 2 / 3),
        ("dreamer_success", 1 / 2),  # SU, D vs FL, D; SU, 1MKA is not the dreamer's
        ("bodily_misfortunes", 1 / 2),
        ("self_negativity", 3 / 5),  # victim + M5 + FL vs those + befriended + SU
        ("torso_anatomy", 1 / 2),
        ("indoor_setting", 1 / 2),  # A (ambiguous) is neither indoor nor outdoor
        ("familiar_setting", 1 / 2),
        ("familiar_setting_alt", 2 / 3),
        ("dreams_with_aggression", 1.0),
        ("dreams_with_sexuality", 0.0),
        ("dreams_with_striving", 1.0),
    ],
)
def test_indicator_of_one_hand_made_dream(key: str, expected: float) -> None:
    assert value([CARD], key) == pytest.approx(expected)


def test_ratio_over_dreams_sums_counts_before_dividing() -> None:
    cards = [{"characters": ["1MKA"]}, {"characters": ["1FKA", "1FKA", "1FKA"]}]
    assert value(cards, "male_female") == pytest.approx(1 / 4)  # not the mean of 1 and 0


def test_empty_denominator_gives_no_value() -> None:
    indicators = compute_indicators([{"characters": []}])
    assert indicators.value("male_female") is None
    assert indicators.value("dreams_with_emotion") == 0.0


def test_missing_categories_and_malformed_codes_do_not_fail() -> None:
    indicators = compute_indicators([{"characters": ["1MKA", "???"]}])
    assert indicators.invalid_codes == 1
    assert indicators.n_characters == 1


def test_every_indicator_has_a_norm_for_both_sexes_and_pooled() -> None:
    for sex in ("female", "male", None):
        norms = load_norms(sex)
        assert set(norms.values) == {spec.key for spec in INDICATORS}


def test_gold_cards_reproduce_the_womens_norms(gold_cards: list[dict[str, Any]]) -> None:
    """The 490 gold cards are 490 of the 491 cards behind the women's norms."""
    indicators = compute_indicators(gold_cards)
    norms = load_norms("female")
    assert indicators.invalid_codes == 0
    assert abs(indicators.n_characters - norms.n_characters) <= 2
    for item in indicators.values:
        assert item.value == pytest.approx(norms.values[item.spec.key], abs=0.005), item.spec.key
