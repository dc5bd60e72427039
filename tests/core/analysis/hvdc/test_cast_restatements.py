"""A noun that says who a character already met is names no one new (HVdC codes each
character once): predicates after a relative clause, members singled out of a group."""

from __future__ import annotations

from core.analysis.hvdc import code_dream


def _characters(text: str) -> list[str]:
    return code_dream(text).card()["characters"]


def test_a_predicate_after_a_possessive_restates_the_subject() -> None:
    text = "I talked with an elderly woman who at one time was my music teacher."
    assert _characters(text) == ["1FKA"]


def test_my_before_an_adjective_makes_the_restated_character_known() -> None:
    assert _characters("A man came in. He was my history teacher.") == ["1MKA"]


def test_one_of_a_group_named_by_a_predicate_is_a_new_individual() -> None:
    text = "People kept arriving, and one was my friend's boyfriend."
    assert "1MKA" in _characters(text)


def test_someone_met_only_after_the_dreamer_woke_up_is_no_character() -> None:
    assert _characters("A man chased me. I woke up to find my sister beside me.") == ["1MSA"]


def test_a_waking_inside_the_dream_keeps_whom_the_dreamer_meets() -> None:
    text = "I lay down on a bench and when I woke up, my mother was there."
    assert _characters(text) == ["1FMA"]


def test_what_happened_before_the_dreamer_woke_is_still_the_dream() -> None:
    text = "I awoke before the old woman could reach me."
    assert _characters(text) == ["1FSA"]


def test_a_name_set_off_after_an_of_phrase_names_the_noun_before_it() -> None:
    text = "I gave the card to the instructor of the class, Dorothy Crandall. She smiled."
    assert _characters(text) == ["1FKA"]


def test_a_hyphenated_noun_after_a_name_describes_that_person() -> None:
    text = "Two friends, Nancy (19) my ex-roommate and Julia, were with me."
    assert _characters(text) == ["1FKA", "1FKA"]


def test_many_others_is_a_group_of_uncertain_people() -> None:
    assert _characters("I was in church along with many others.") == ["2JUA"]


def test_the_others_point_back_at_people_already_met() -> None:
    assert _characters("My friends waited in the car. The others went home.") == ["2JKA"]


def test_another_word_offered_with_or_is_the_same_person() -> None:
    assert _characters("The attendant or lecturer began to speak.") == ["1MOA"]
    assert _characters("I was trying to trick some men (or boy) into talking.") == ["2MUA"]


def test_a_boy_or_a_girl_is_one_person_of_indefinite_sex() -> None:
    assert _characters("A boy or a girl waved at me.") == ["1IKA"]


def test_a_denied_predicate_past_one_of_names_no_one() -> None:
    text = "A girl came in. The girl is not one of my best friends and is not married."
    assert _characters(text) == ["1FKA"]


def test_a_plural_predicate_after_a_possessive_names_no_new_group() -> None:
    assert _characters("She and her husband had become our landlords.") == ["1MKA"]


def test_a_plural_apposition_says_who_the_group_is() -> None:
    assert _characters("Then two girls, supposedly his sisters, came out.") == ["2FKA"]


def test_a_list_of_relatives_is_not_an_apposition() -> None:
    assert _characters("My aunts, cousins, and my grandmother came.") == ["2JRA", "1FRA"]


def test_any_after_a_negation_names_no_one() -> None:
    assert _characters("I didn't see any people there.") == []


def test_a_name_before_an_animal_word_is_a_cartoon_not_a_person() -> None:
    assert _characters("I saw Donald Duck and Mickey Mouse.") == []


def test_a_name_before_an_object_word_is_a_make_not_a_person() -> None:
    assert _characters("He drove up in a Chevrolet car.") == []


def test_the_owner_of_a_thing_is_still_a_person() -> None:
    assert _characters("We all were at Marie's house.") == ["1FKA"]


def test_others_opening_a_sentence_are_a_group() -> None:
    assert _characters("Others and I were supposed to fill the bins.") == ["2JUA"]


def test_it_was_my_mother_names_the_stranger_just_seen() -> None:
    text = (
        "I could see a woman scrubbing the floor. I was shocked to discover that it was "
        "my mother. My mother smiled."
    )
    assert _characters(text) == ["1FMA"]


def test_it_was_my_mother_without_a_stranger_is_the_mother() -> None:
    assert _characters("The phone rang. It was my mother.") == ["1FMA"]


def test_each_member_of_a_group_met_is_no_new_character() -> None:
    text = "A lot of girls were there. Each girl had a special feat to show."
    assert _characters(text) == ["2FKA"]


def test_it_was_a_man_tells_the_sex_of_someone_just_met() -> None:
    assert _characters("Then somebody, it was a man, sneaked into the room.") == ["1MUA"]
    assert _characters("I heard someone at the door. It was a woman.") == ["1FUA"]


def test_a_person_after_a_modal_is_anyone_not_a_character() -> None:
    assert _characters("The seals could bite so hard they could kill a person.") == ["2ANI"]
    assert _characters("I met a person I knew.") == ["1IKA"]


def test_a_next_sentence_doubting_who_they_were_makes_identity_uncertain() -> None:
    text = "I was driving in a car with a man. Evidently I must have known him."
    assert _characters(text) == ["1MUA"]
