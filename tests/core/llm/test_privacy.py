"""Scrubbing personal data from dream texts, and putting it back into answers."""

from __future__ import annotations

import pytest

from core.privacy import restore, scrub


def test_name_email_phone_url_and_address_become_placeholders() -> None:
    text = (
        "I met Anna Petrova, she wrote anna.p@example.com, call +1 (555) 123-4567, "
        "see https://example.org/x and come to 221B Baker Street, apt 4."
    )

    result = scrub(text)

    assert result.text == (
        "I met [PERSON_1], she wrote [EMAIL_1], call [PHONE_1], see [URL_1] and come to [ADDRESS_1]."
    )
    assert result.mapping["[ADDRESS_1]"] == "221B Baker Street, apt 4"
    assert restore(result.text, result.mapping) == text


def test_russian_name_in_any_case_keeps_one_placeholder() -> None:
    result = scrub("Мне снилась Маша. Потом я пришёл к Маше, и Маша улыбнулась.")

    assert (
        result.text
        == "Мне снилась [PERSON_1]. Потом я пришёл к [PERSON_1], и [PERSON_1] улыбнулась."
    )
    assert result.mapping == {"[PERSON_1]": "Маша"}


def test_russian_phone_and_street_address_are_scrubbed() -> None:
    result = scrub("Звонил на 8 912 345-67-89, жил на улице Ленина, д. 5, кв. 12.")

    assert result.text == "Звонил на [PHONE_1], жил на [ADDRESS_1]."


def test_known_name_at_sentence_start_is_scrubbed_but_ordinary_words_are_not() -> None:
    result = scrub("Kevin ran. Suddenly the Moon rose over London on Monday, and Mom called.")

    assert (
        result.text
        == "[PERSON_1] ran. Suddenly the Moon rose over London on Monday, and Mom called."
    )


def test_unknown_capitalized_word_mid_sentence_is_treated_as_a_name() -> None:
    assert (
        scrub("I danced with Zoltar and Mr Quibble.").text
        == "I danced with [PERSON_1] and Mr [PERSON_2]."
    )


def test_name_that_is_also_a_word_is_kept_at_sentence_start() -> None:
    assert (
        scrub("Rose petals fell on me. I saw Rose there.").text
        == "Rose petals fell on me. I saw [PERSON_1] there."
    )


@pytest.mark.parametrize(
    "text", ["On 2024-05-01 it rained.", "From 1990-2000 we lived there.", "I was 25, she was 7."]
)
def test_dates_years_and_small_numbers_are_not_phones(text: str) -> None:
    assert scrub(text).text == text


def test_continuing_a_mapping_reuses_placeholders_and_numbering() -> None:
    first = scrub("Anna came with Kevin.")

    second = scrub("Later, Kevin and Olga left.", first.mapping)

    assert second.text == "Later, [PERSON_2] and [PERSON_3] left."


def test_existing_placeholders_are_left_alone() -> None:
    assert scrub("I saw [PERSON_1] there.").text == "I saw [PERSON_1] there."


def test_restore_accepts_bare_placeholders_and_leaves_unknown_ones() -> None:
    mapping = {"[PERSON_1]": "Anna"}

    assert (
        restore("PERSON_1 and [PERSON_1] met [PERSON_9].", mapping)
        == "Anna and Anna met [PERSON_9]."
    )


def test_first_name_alone_after_the_full_name_is_the_same_person() -> None:
    result = scrub("Anna Petrova waved. Later Anna left, and Anna Smirnova came.")

    assert result.text == "[PERSON_1] waved. Later [PERSON_1] left, and [PERSON_2] came."


@pytest.mark.parametrize(
    "span",
    ["my old friend", "running through the house", "ран по дому", "", "  "],
)
def test_a_span_with_nothing_to_detect_comes_back_as_it_was(span: str) -> None:
    earlier = scrub("I met Anna at anna@example.com").mapping
    result = scrub(span, earlier)
    assert result.text == span
    assert result.mapping == earlier


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ("met Anna", "PERSON"),
        ("call +1 202 555 0143", "PHONE"),
        ("see localhost:8080/x via https://intranet", "URL"),
        ("write me@mail.example", "EMAIL"),
        ("улица Ленина, 5", "ADDRESS"),
        ("lives at 12 Baker Street", "ADDRESS"),
        ("look at WWW.DREAMS.RU today", "URL"),
        ("the site dream-diary.org said so", "URL"),
        ("HTTPS://EXAMPLE/x", "URL"),
        ("на Невском проспекте", "ADDRESS"),
        ("звони 8 912 345-67-89", "PHONE"),
    ],
)
def test_the_quick_pass_still_lets_every_kind_of_find_through(span: str, kind: str) -> None:
    assert any(placeholder.startswith(f"[{kind}_") for placeholder in scrub(span).mapping)


@pytest.mark.parametrize(
    "text",
    [
        "The Hall and Van de Castle system codes every character of a dream.",
        "Hall/Van de Castle norms say so.",
        "Hall–Van de Castle coding is the standard.",
        "Система Холла — Ван де Касла кодирует каждого персонажа сна.",
        "По методу Холла и Ван де Касла сны сравнивают с нормами.",
        "Холл и Ван де Касл собрали нормы в 1966 году.",
    ],
)
def test_the_method_s_own_name_is_not_taken_for_people(text: str) -> None:
    """Regression: «Холла — Ван де Касла» became ``[PERSON_3] — Ван де [PERSON_4]``."""
    assert scrub(text).text == text


def test_a_person_beside_the_method_s_name_is_still_scrubbed() -> None:
    result = scrub("Anna Petrova read about the Hall and Van de Castle system.")
    assert result.text == "[PERSON_1] read about the Hall and Van de Castle system."
