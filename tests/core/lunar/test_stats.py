"""The moon-and-my-dreams statistics on synthetic journals: honest with no effect, sensitive to
a strong one, silent below the minimum."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from core.lunar.astro import elongation, to_ephem
from core.lunar.names import phase_group_for_elongation
from core.lunar.places import Place
from core.lunar.stats import MIN_DREAMS, DreamPoint, day_group, describe, moon_relationship

MOSCOW = Place("Moscow", 55.75, 37.62, "Europe/Moscow")
START = datetime(2023, 1, 1, tzinfo=UTC)


def _journal(n: int, seed: int, planted: bool) -> list[DreamPoint]:
    rng = random.Random(seed)
    dreams = []
    for _ in range(n):
        when = START + timedelta(hours=rng.uniform(0, 24 * 600))
        near_full = phase_group_for_elongation(elongation(to_ephem(when))) == "full_moon"
        chance = (0.9 if near_full else 0.1) if planted else 0.4
        mood = rng.choice(["calm", "anxious", "joyful"])
        dreams.append(DreamPoint(when, mood, rng.random() < chance))
    return dreams


def test_no_effect_gives_an_honest_no_relationship_sentence() -> None:
    result = moon_relationship(_journal(120, seed=11, planted=False), MOSCOW)
    assert result.enough and len(result.associations) == 4
    assert result.strongest is None
    assert describe(result, "en") == (
        "No relationship between the moon and your dreams is detectable in your 120 dreams."
    )
    assert describe(result, "ru").startswith("Связь между Луной и вашими снами не обнаруживается")


def test_a_planted_full_moon_effect_is_detected_with_its_p_value() -> None:
    result = moon_relationship(_journal(120, seed=12, planted=True), MOSCOW)
    best = result.strongest
    assert best is not None and best.outcome == "negative_emotion"
    assert best.p_adjusted < 0.01 and best.cramers_v > 0.5
    sentence = describe(result, "en")
    assert sentence.startswith("Dreams with negative emotions are more frequent")
    assert "p = " in sentence and "120 dreams" in sentence
    assert "Сны с негативными эмоциями чаще бывают" in describe(result, "ru")


def test_the_same_journal_always_gives_the_same_answer() -> None:
    journal = _journal(60, seed=13, planted=False)
    assert moon_relationship(journal, MOSCOW) == moon_relationship(journal, MOSCOW)


def test_below_the_minimum_it_says_how_many_dreams_are_missing() -> None:
    result = moon_relationship(_journal(MIN_DREAMS - 3, seed=14, planted=True), MOSCOW)
    assert not result.enough and result.associations == ()
    assert describe(result, "en").startswith("Add 3 more dreams")
    assert describe(result, "ru").startswith("Добавьте ещё 3 сна")
    one_short = moon_relationship(_journal(MIN_DREAMS - 1, seed=14, planted=False), MOSCOW)
    assert describe(one_short, "ru").startswith("Добавьте ещё 1 сон")


def test_plain_tuples_are_accepted_and_a_constant_outcome_is_not_tested() -> None:
    journal = [(d.when, "calm", False) for d in _journal(40, seed=15, planted=False)]
    result = moon_relationship(journal, MOSCOW)
    assert result.associations == () and result.strongest is None
    assert "40 dreams" in describe(result, "en")


def test_lunar_day_groups_cover_one_to_thirty() -> None:
    assert [day_group(d) for d in (1, 7, 8, 15, 16, 22, 23, 30)] == [
        "1-7",
        "1-7",
        "8-15",
        "8-15",
        "16-22",
        "16-22",
        "23-30",
        "23-30",
    ]
