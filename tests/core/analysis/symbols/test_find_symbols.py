"""Finding symbols in dream text: grounded spans, word boundaries, inflection, idioms, negation."""

from __future__ import annotations

import pytest

from core.analysis.symbols import find_symbols, is_negated


def _keys(text: str, locale: str = "en") -> list[str]:
    return [hit.key for hit in find_symbols(text, locale)]


def test_every_hit_is_grounded_in_the_text() -> None:
    text = "I was flying over a dark sea, then a snake bit my hand and my teeth fell out."
    hits = find_symbols(text, "en")
    assert {"flying", "sea", "snake", "teeth"} <= {h.key for h in hits}
    for hit in hits:
        assert hit.evidence == text[hit.span[0] : hit.span[1]]


@pytest.mark.parametrize(
    ("text", "key", "evidence"),
    [
        ("Я стояла по колено в воде.", "water", "воде"),
        ("Мы пили много воды.", "water", "воды"),
        ("Он облил меня водой.", "water", "водой"),
        ("Я летала над городом.", "flying", "летала"),
        ("Потом я упала с лестницы.", "falling", "упала"),
        ("У меня выпадали зубы.", "teeth", "зубы"),
        ("За мной гналась огромная змея.", "snake", "змея"),
        ("Я опоздала на экзамен.", "exam", "экзамен"),
        ("Мне приснилась свадьба сестры.", "wedding", "свадьба"),
        ("Я держала младенца на руках.", "baby", "младенца"),
        ("Ёлка горела в темноте.", "tree", "Ёлка"),
    ],
)
def test_russian_inflected_forms_are_found_with_their_exact_evidence(
    text: str, key: str, evidence: str
) -> None:
    hit = next(h for h in find_symbols(text, "ru") if h.key == key)
    assert hit.evidence == evidence == text[hit.span[0] : hit.span[1]]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("My therapist was kind.", "fight"),
        ("I read a catalogue of furniture.", "cat"),
        ("The scatter plot was confusing.", "cat"),
        ("The rates went up.", "rat"),
        ("Водитель выпил водки.", "water"),
        ("Рано утром я пришёл на остановку.", "wound"),
        ("Мы смотрели друг на друга.", "friend"),
        ("Я лёг в постель поздно. Last night I fell asleep at once.", "falling"),
        ("На левой стороне улицы.", "lion"),
        ("Голубое небо.", "bird"),
        ("Я кладу ключи на стол.", "treasure"),
        ("Она пришла рано, было голубое небо.", "alien"),
        ("Again my teeth were falling out, one by one.", "falling"),
        ("My hair fell out in clumps.", "falling"),
        ("We had a falling-out with my sister.", "falling"),
    ],
)
def test_substrings_and_idioms_do_not_produce_symbols(text: str, absent: str) -> None:
    assert absent not in _keys(text, "ru")


def test_therapist_does_not_match_any_symbol_inside_it() -> None:
    assert find_symbols("The therapist smiled.", "en") == []


def test_each_symbol_is_reported_once_at_its_first_mention() -> None:
    text = "Water everywhere: the water rose and the waters were cold."
    hits = [h for h in find_symbols(text, "en") if h.key == "water"]
    assert len(hits) == 1 and hits[0].span == (0, 5)


def test_negated_mention_is_reported_but_an_affirmed_one_is_preferred_as_evidence() -> None:
    text = "I wasn't falling at first. Later I was falling for real."
    hit = next(h for h in find_symbols(text, "en") if h.key == "falling")
    assert hit.span[0] == text.index("falling for real")
    only_denied = find_symbols("I was not falling, I was fine.", "en")
    assert [h.key for h in only_denied] == ["falling"]


def test_negation_is_detected_in_english_and_russian() -> None:
    en = "I wasn't afraid of the snake."
    ru = "Я не боялась змеи."
    assert is_negated(en, (en.index("afraid"), en.index("afraid") + 6))
    assert is_negated(ru, (ru.index("боялась"), ru.index("боялась") + 7))
    assert not is_negated("I was afraid.", (6, 12))


def test_labels_and_meanings_follow_the_locale_not_the_text_language() -> None:
    [ru_hit] = find_symbols("A snake.", "ru")
    [en_hit] = find_symbols("Змея.", "en")
    assert ru_hit.label == "Змея" and en_hit.label == "Snake"
    assert ru_hit.archetypes == en_hit.archetypes


def test_multi_word_phrase_is_one_hit_spanning_its_words() -> None:
    text = "I couldn't move at all."
    [hit] = find_symbols(text, "en")
    assert hit.key == "paralysis" and hit.evidence == "couldn't move"


def test_hits_come_in_text_order_and_empty_text_gives_none() -> None:
    hits = find_symbols("A door, then a car, then a fire.", "en")
    assert [h.key for h in hits] == ["door", "car", "fire"]
    assert find_symbols("", "en") == []


def test_a_real_fall_out_of_something_is_still_a_fall() -> None:
    assert "falling" in _keys("I fell out of the window.", "en")
