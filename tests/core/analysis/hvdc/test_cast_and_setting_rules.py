"""Specifications of the category-level character and setting rules (who counts once, who is
no one, which identity and age a character gets, and how a place is qualified)."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream


def _codes(text: str, category: str) -> list[str]:
    return code_dream(text).card()[category]


def test_definite_plain_noun_points_back_at_the_character_already_met() -> None:
    assert _codes("A lady came in. Then the woman sat down.", "characters") == ["1FSA"]


def test_definite_noun_introducing_someone_is_a_new_character() -> None:
    assert len(_codes("A lady came in. The woman who sold hats waved.", "characters")) == 2


def test_apposition_after_a_name_describes_that_person() -> None:
    codes = _codes("Chuck Branden, my boyfriend (22), and I were in the theatre.", "characters")
    assert codes == ["1MKA"]


def test_name_after_the_occupation_is_the_same_person() -> None:
    assert _codes("I called to Al, the bartender, to bring me a beer.", "characters") == ["1MKA"]


def test_surname_alone_later_names_the_same_person() -> None:
    text = "I saw Franklin D. Roosevelt. Roosevelt kept calm throughout."
    codes = _codes(text, "characters")
    assert len(codes) == 1 and codes[0][2] == "P"


def test_dreamer_described_as_a_role_is_no_character() -> None:
    assert _codes("I dreamt that I was a famous ballet dancer.", "characters") == []
    assert _codes("I felt myself a stranger there.", "characters") == []


def test_person_noun_qualifying_a_thing_is_no_character() -> None:
    assert _codes("We went to the doctor's office.", "characters") == []


def test_name_qualifying_a_thing_is_no_character() -> None:
    assert _codes("I was late for my Shakespeare class.", "characters") == []


def test_likeness_is_no_character() -> None:
    assert _codes("She moved like a ballet dancer.", "characters") == []
    assert _codes("The shadow on the wall was spider-like.", "characters") == []


def test_group_listed_by_name_is_coded_as_the_named_people() -> None:
    codes = _codes("I was riding with two boys, Leonard and John, in a car.", "characters")
    assert codes == ["1MKA", "1MKA"]


def test_no_audience_and_idioms_name_no_one() -> None:
    assert _codes("There was no audience that I could see.", "characters") == []
    assert _codes("She of all people should not cry.", "characters") == []


def test_little_girl_is_a_stranger_child_not_a_peer() -> None:
    assert _codes("A little girl was playing in the sand.", "characters") == ["1FSC"]


def test_a_group_of_boys_is_of_uncertain_identity_unless_known() -> None:
    assert _codes("Three boys came up to us.", "characters") == ["2MUA"]
    assert _codes("I saw a bunch of boys from school.", "characters") == ["2MKA"]


def test_own_teacher_is_known_personally() -> None:
    assert _codes("My economics teacher came into the room.", "characters") == ["1IKA"]


def test_age_told_after_a_comma_or_before_the_noun() -> None:
    assert _codes("My sister, 17, was helping me pack.", "characters") == ["1FTT"]
    assert _codes("I was with my 11-year-old sister.", "characters") == ["1FTC"]


def test_people_named_by_initials_are_characters() -> None:
    assert _codes("I saw SM near the door. He waved.", "characters") == ["1MKA"]


def test_capitalized_animal_word_inside_a_sentence_is_a_place() -> None:
    assert _codes("We had to go to Los Angeles suddenly.", "characters") == []


def test_named_region_makes_a_geographical_setting() -> None:
    assert _codes("I was in Texas listening to a speech on a street.", "settings") == ["OG"]


def test_strange_scene_keeps_later_places_unfamiliar() -> None:
    text = "I was walking along a road in a strange town. Then I went into a big building."
    assert _codes(text, "settings") == ["OU", "IU"]


def test_dormitory_anywhere_in_the_scene_makes_it_familiar() -> None:
    assert _codes(
        "I was in the shower when someone called me to the dormitory phone.", "settings"
    ) == ["IF"]


def test_as_a_gives_a_role_not_a_new_character() -> None:
    assert len(_codes("I had invited his son as a guest.", "characters")) == 1
    assert len(_codes("I recognized him as a man I had worked for.", "characters")) == 0


def test_as_a_time_clause_still_brings_people_in() -> None:
    codes = _codes("It started to rain as a few friends of mine and I ran.", "characters")
    assert len(codes) == 1 and codes[0][0] == "2"


def test_parents_named_as_a_pair_are_one_group() -> None:
    assert _codes("My mother and father were standing there crying.", "characters") == ["2JXA"]
    assert _codes("My father and my mother came home.", "characters") == ["2JXA"]


def test_someone_elses_parents_as_a_pair_are_one_known_group() -> None:
    text = "I saw Bob. His mother and father had given us money."
    assert _codes(text, "characters") == ["1MKA", "2JKA"]


def test_parents_named_as_a_pair_join_the_parents_already_met() -> None:
    text = "My parents came in. My mother and father were crying."
    assert _codes(text, "characters") == ["2JXA"]


def test_parent_mentioned_alone_too_stays_an_individual() -> None:
    text = "I asked my mother for money. Later my mother and father grinned at each other."
    assert _codes(text, "characters") == ["1FMA", "1MFA"]


def test_parents_acting_on_each_other_stay_individuals() -> None:
    assert _codes("My mother and father were married.", "characters") == ["1FMA", "1MFA"]
    text = "My mother and father grinned at each other."
    assert _codes(text, "characters") == ["1FMA", "1MFA"]


def test_apposition_after_a_friend_of_someone_describes_the_friend() -> None:
    text = "I was swimming with a friend of my fiance's, a young woman of about 22."
    assert _codes(text, "characters") == ["1FKA", "1MKA"]


def test_sex_told_only_by_pronouns_is_the_one_most_of_them_tell() -> None:
    text = "A friend came in. He sat down. She smiled. She waved at me. I hugged her."
    assert _codes(text, "characters") == ["1FKA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My brother (he is 4 years older than me) came.", ["1MBA"]),
        ("My brother came. He is 4 years older than me.", ["1MBA"]),
        ("It was a boy who I have known for about 3 years.", ["1MKA"]),
        ("I walked with a man who was a composite of 2 boys I know.", ["1MKA", "2MKA"]),
        ("A man of 40 came in.", ["1MSA"]),
    ],
)
def test_numbers_that_tell_a_difference_duration_or_count_are_no_age(
    text: str, expected: list[str]
) -> None:
    assert _codes(text, "characters") == expected


def test_little_before_other_adjectives_still_makes_a_child_stranger() -> None:
    assert _codes("I saw a little dark-haired boy playing.", "characters") == ["1MSC"]


def test_name_alone_in_brackets_names_the_person_just_met() -> None:
    text = "The boy I go with at Bowling Green (Doug) and I were to marry. Doug and I were happy."
    assert _codes(text, "characters") == ["1MKA"]


def test_group_listed_by_name_after_its_phrase_is_the_named_people() -> None:
    text = "Two of my girlfriends from high school, Mary and Ann, advised me."
    assert _codes(text, "characters") == ["1FKA", "1FKA"]


def test_name_really_was_names_the_owner() -> None:
    text = "I met a man. I thought his name was Bernstein, but his name really was Mr. Saferstein."
    assert _codes(text, "characters") == ["1MSA"]


def test_someone_only_wished_for_is_no_character() -> None:
    text = "I thought maybe I should have married another fellow I know."
    assert _codes(text, "characters") == []


def test_a_denial_in_an_earlier_clause_does_not_hide_the_next_person() -> None:
    text = "I was not packed, and mother was to help by getting breakfast for me."
    assert _codes(text, "characters") == ["1FMA"]
