"""Characters and settings in reports unlike the development set's (1950 college women).

The held-out norms are men's reports: dates who are women, fraternity brothers, nationalities
named as groups, army places.  Each rule follows the HVdC definitions (identity K for a member
of the dreamer's circle, E for a nationality, the sex a report tells) rather than a dev phrase.
"""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream


def _codes(text: str, category: str) -> list[str]:
    return code_dream(text).card()[category]


def test_a_date_is_of_the_other_sex_than_the_dreamer() -> None:
    assert _codes("My date was wearing a blue dress. She was pretty.", "characters") == ["1FKA"]
    assert _codes("My wife and I were at a dance. My date was there.", "characters") == [
        "1FWA",
        "1FKA",
    ]
    assert _codes("I went to the dance with my date.", "characters") == ["1MKA"]  # as before


def test_fraternity_and_sorority_brothers_and_sisters_are_members_not_family() -> None:
    assert _codes("My fraternity brothers were having a party.", "characters") == ["2MKA"]
    assert _codes("My sorority sisters were there.", "characters") == ["2FKA"]


def test_my_fraternity_tells_a_male_dreamer_whose_roommate_is_a_man() -> None:
    text = "My roommate and I studied at my fraternity."
    assert _codes(text, "characters") == ["1MKA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A blonde walked into the bar.", ["1FSA"]),
        ("I danced with a cute brunette.", ["1FSA"]),
        ("Her hair was blonde.", []),
        ("We were fighting the Germans.", ["2JEA"]),
        ("A Frenchman sold me bread.", ["1MEA"]),
    ],
)
def test_people_named_by_looks_or_nationality(text: str, expected: list[str]) -> None:
    assert _codes(text, "characters") == expected


def test_a_name_that_only_names_someone_met_is_that_person() -> None:
    assert _codes("I asked a boy whom I thought was Jimmy to drive.", "characters") == ["1MKA"]
    assert _codes("We sat with one of the guests. His name was Mr. Bernstein.", "characters") == [
        "1MSA"
    ]
    text = "Mother and my niece went shopping. Later Sonja, my niece, ran ahead."
    assert _codes(text, "characters") == ["1FMA", "1FRA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We were in the barracks.", ["IQ"]),
        ("We were lying in a foxhole.", ["OQ"]),
        ("I was driving my car down the highway.", ["OQ"]),
        ("I was in my room.", ["IF"]),
    ],
)
def test_settings_of_soldiers_and_drivers(text: str, expected: list[str]) -> None:
    assert _codes(text, "settings") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An attractive blond had fallen and hurt her ankle.", ["1FSA"]),
        ("A tall blond young man came in.", ["1MSA"]),
        ("Don Jose was a short blond boy.", ["1MKA"]),
        ("The lad was hiding in the house.", ["1MSA"]),
    ],
)
def test_blonds_and_lads_are_people(text: str, expected: list[str]) -> None:
    assert code_dream(text).card()["characters"] == expected


def test_two_names_joined_after_on_are_a_street_corner() -> None:
    text = "I was standing on Chester and Euclid waiting to cross the street."
    coded = code_dream(text).card()
    assert coded["characters"] == []
    assert coded["settings"] == ["OF"]
    assert code_dream("I was at John and Mary's house.").card()["characters"] == ["1MKA", "1FKA"]


def test_named_roads_in_the_scene_are_the_dreamers_town() -> None:
    text = "He died on the corner of Euclid and Adelbert Roads. I was in the street."
    assert code_dream(text).card()["settings"] == ["OF"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was there with my skating partner (33-year-old male).", ["1MKA"]),
        ("I was standing with a partner in a long double line.", ["1IKA"]),
        ("My friend (23, f) came.", ["1FKA"]),
    ],
)
def test_partners_and_sex_told_after_the_age(text: str, expected: list[str]) -> None:
    assert code_dream(text).card()["characters"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two thugs attacked me.", ["2MSA"]),  # strangers, as gangsters are
        ("The bookkeeper was there. She looked old.", ["1FOA"]),  # occupation, sex from "she"
        ("I saw peasants sowing seed in the fields.", ["2JOA"]),
        ("A foreigner asked me the way.", ["1IEA"]),  # HVdC E: ethnic or national identity
    ],
)
def test_occupations_strangers_and_foreigners_missing_from_the_lexicon(
    text: str, expected: list[str]
) -> None:
    assert _codes(text, "characters") == expected
