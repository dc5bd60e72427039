"""The coder scorer: perfect on gold vs gold, partial credit on crafted near misses."""

from __future__ import annotations

import random
from typing import Any

import pytest

from core.analysis.evaluation import (
    category_f1,
    character_agreement,
    emotion_presence,
    evaluate,
    format_report,
)
from core.analysis.norms.assignment import max_score_assignment

GOLD = {
    "characters": ["1MKA", "1FSA", "2JUA"],
    "aggression": ["1FSA 5> D"],
    "emotions": ["AP, D", "HA, 1MKA"],
    "settings": ["IF"],
}


def test_gold_against_itself_scores_one_everywhere() -> None:
    report = evaluate([GOLD, {}], [GOLD, {}])
    assert all(score.f1 == 1.0 for score in report.categories + report.emotions)
    assert report.characters.all == 1.0
    assert all(item.abs_delta_h in (0.0, None) for item in report.indicators)


def test_one_wrong_character_slot_costs_one_slot_of_four() -> None:
    predicted = {"characters": ["1MSA"]}
    score = category_f1("characters", [predicted], [{"characters": ["1MKA"]}])
    assert (score.matched, score.predicted, score.gold) == (3, 4, 4)
    assert score.f1 == pytest.approx(0.75)


def test_alignment_pairs_each_code_with_its_best_partner_whatever_the_order() -> None:
    predicted = {"characters": ["2JUA", "1FSA", "1MKA"]}
    assert category_f1("characters", [predicted], [GOLD]).f1 == 1.0


def test_extra_codes_lower_precision_and_missing_codes_lower_recall() -> None:
    extra = category_f1("settings", [{"settings": ["IF", "OU"]}], [{"settings": ["IF"]}])
    assert extra.recall == 1.0 and extra.precision == 0.5
    missing = category_f1("aggression", [{}], [GOLD])
    assert missing.recall == 0.0 and missing.f1 == 0.0


def test_interaction_partial_credit_for_a_wrong_level() -> None:
    score = category_f1("aggression", [{"aggression": ["1FSA 3> D"]}], [GOLD])
    assert score.f1 == pytest.approx(3 / 4)


def test_emotion_presence_counts_kinds_per_dream_not_codes() -> None:
    predicted = {"emotions": ["AP, D", "AP, D", "AN, D"]}
    anyone = emotion_presence("any", [(predicted, GOLD)])
    assert (anyone.matched, anyone.predicted, anyone.gold) == (1, 2, 2)
    dreamer = emotion_presence("dreamer", [(predicted, GOLD)], dreamer_only=True)
    assert (dreamer.matched, dreamer.predicted, dreamer.gold) == (1, 2, 1)


def test_character_agreement_per_slot() -> None:
    agreement = character_agreement([{"characters": ["1MSA", "1FSA"]}], [GOLD])
    assert agreement.presence == pytest.approx(2 * 2 / 5)
    assert agreement.identity == pytest.approx(2 * 1 / 5)
    assert agreement.all == pytest.approx(2 * 1 / 5)


def test_unpaired_card_lists_are_rejected() -> None:
    with pytest.raises(ValueError):
        evaluate([GOLD], [GOLD, GOLD])


def test_report_text_names_every_section() -> None:
    text = format_report(evaluate([GOLD], [GOLD]))
    for part in ("attribute-level F1", "emotion presence", "character slot agreement", "|dh|"):
        assert part in text


def test_assignment_matches_scipy_on_random_matrices() -> None:
    scipy_optimize = pytest.importorskip("scipy.optimize")
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        score = [[rng.choice([0, 1, 2, 3, 4]) for _ in range(cols)] for _ in range(rows)]
        ours = sum(score[i][j] for i, j in max_score_assignment(score))
        r, c = scipy_optimize.linear_sum_assignment(score, maximize=True)
        assert ours == sum(score[i][j] for i, j in zip(r, c, strict=True))


def test_gold_self_check_on_the_norm_cards(gold_cards: list[dict[str, Any]]) -> None:
    subset = gold_cards[:60]
    report = evaluate(subset, subset)
    assert all(score.f1 == 1.0 for score in report.categories)
    assert report.characters.presence == 1.0
