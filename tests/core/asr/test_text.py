"""The pure parts: word error rate, the restricted language choice, transcript repairs."""

from __future__ import annotations

from core.asr import parse_choice, pick_language
from core.asr.cleanup import tidy_transcript
from core.asr.wer import pooled_wer, word_errors, words


def test_words_are_compared_lowercase_without_punctuation_and_yo_as_ye() -> None:
    assert words("Во сне, я видел ЁЖИКА!") == ["во", "сне", "я", "видел", "ежика"]
    assert words("I don't know - it's dark.") == ["i", "don't", "know", "it's", "dark"]


def test_word_errors_count_substitutions_deletions_and_insertions() -> None:
    assert word_errors("a dark ocean", "a dark ocean") == 0
    assert word_errors("a dark ocean", "another ocean") == 2
    assert word_errors("во сне я", "восне я") == 2
    assert word_errors("one two", "one two three") == 1


def test_group_wer_is_pooled_over_reference_words() -> None:
    score = pooled_wer([("one two three four", "one two three four"), ("a b", "a c")])
    assert (score.errors, score.reference_words) == (1, 6)
    assert round(score.wer, 3) == 0.167


def test_detection_is_restricted_to_english_and_russian() -> None:
    assert pick_language([("uk", 0.55), ("ru", 0.30), ("en", 0.02)]) == "ru"
    assert pick_language([("be", 0.9), ("en", 0.05), ("ru", 0.04)]) == "en"
    assert pick_language([("de", 0.9)]) == "en"
    assert pick_language([("ru", 0.2), ("en", 0.7)], allowed=("ru",)) == "ru"


def test_language_settings_other_than_en_and_ru_mean_auto() -> None:
    assert [parse_choice(v) for v in ("en", "ru", "auto", None, "uk")] == [
        "en",
        "ru",
        "auto",
        "auto",
        "auto",
    ]


def test_glued_russian_prepositions_are_split_only_when_the_dictionary_is_sure() -> None:
    assert tidy_transcript("Восне я был вдоме.", "ru") == "Во сне я был в доме."
    assert tidy_transcript("Я незнаю, куда шёл.", "ru") == "Я не знаю, куда шёл."
    unchanged = "Вдруг пришла соседка, и мы вместе пошли на работу."
    assert tidy_transcript(unchanged, "ru") == unchanged
    assert tidy_transcript("Vosne", "en") == "Vosne"
