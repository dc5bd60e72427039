"""Specifications of the aggression and friendliness rules (who acts on whom, at which level)
and of the character rules they lean on (the dead, possessives, groups)."""

from __future__ import annotations

from core.analysis.hvdc import code_dream


def _codes(text: str, category: str) -> list[str]:
    return code_dream(text).card()[category]


def test_plain_attack_goes_from_subject_to_object() -> None:
    assert _codes("My brother hit me.", "aggression") == ["1MBA 7> D"]


def test_negated_act_is_no_aggression() -> None:
    assert _codes("My brother did not hit me.", "aggression") == []
    assert _codes("My brother never hit me.", "aggression") == []


def test_passive_with_agent_swaps_the_participants() -> None:
    assert _codes("I was chased by two men.", "aggression") == ["2MSA 6> D"]


def test_group_acts_as_one_plural_character() -> None:
    assert _codes("Two men chased me.", "aggression") == ["2MSA 6> D"]
    assert _codes("A man chased me.", "aggression") == ["1MSA 6> D"]


def test_the_pet_of_a_friend_is_a_character_and_can_act() -> None:
    text = "My friend's dog bit me."
    assert "1ANI" in _codes(text, "characters")
    assert _codes(text, "aggression") == ["1ANI 7> D"]


def test_an_argument_is_mutual() -> None:
    assert _codes("I had an argument with my mother.", "aggression") == ["D 2= 1FMA"]


def test_i_mean_is_no_hostility() -> None:
    assert _codes("I mean, my mother was there.", "aggression") == []


def test_ordering_a_meal_is_no_command() -> None:
    assert _codes("My mother and I ordered some drinks.", "aggression") == []


def test_beating_a_rival_at_a_game_is_no_attack_but_beating_someone_up_is() -> None:
    assert _codes("We beat the other team. My brother was there.", "aggression") == []
    assert _codes("The man beat me up.", "aggression") == ["1MSA 7> D"]


def test_an_injured_person_is_no_victim_of_the_dreamer() -> None:
    text = "My mother was there and the injured man cried."
    assert _codes(text, "aggression") == []


def test_driving_someone_is_help_but_driving_somewhere_is_not() -> None:
    assert _codes("My father drove me home.", "friendliness") == ["1MFA 4> D"]
    assert _codes("I was driving to town with my mother.", "friendliness") == []


def test_buying_a_thing_is_no_gift() -> None:
    assert _codes("My mother bought a dress.", "friendliness") == []


def test_ocean_waves_and_lovely_things_are_no_friendliness() -> None:
    text = "My friend and I watched the waves. It was a lovely day."
    assert _codes(text, "friendliness") == []


def test_a_kiss_is_sexuality_level_three() -> None:
    assert _codes("My boyfriend kissed me.", "sexuality") == ["1MKA 3> D"]


def test_the_dead_are_numbered_three_and_four() -> None:
    assert _codes("I saw three dead women.", "characters") == ["4FSA"]
    text = "I asked for Clarence Brown and she said he's been dead since 1863."
    assert "3MKA" in _codes(text, "characters")


def test_news_of_a_death_keeps_the_living_number() -> None:
    assert _codes("I heard that my mother had died.", "characters") == ["1FMA"]


def test_a_witch_is_imaginary() -> None:
    assert _codes("A witch chased me.", "aggression") == ["5FPA 6> D"]


def test_kid_sister_keeps_her_sex() -> None:
    assert _codes("My kid sister (15) and I went to bed.", "characters") == ["1FTT"]


def test_reported_speech_codes_the_act_between_the_people_reported() -> None:
    text = "My mother told me that a man had hit my sister."
    assert _codes(text, "aggression") == ["1MSA 7> 1FTA"]


def test_two_others_arguing_is_mutual_between_them_in_the_order_named() -> None:
    assert _codes("My sister and her boyfriend argued.", "aggression") == ["1FTA 2= 1MKA"]
    assert _codes("My mother and father were married.", "friendliness") == ["1FMA 7= 1MFA"]


def test_an_object_pronoun_is_not_the_subject_of_the_next_act() -> None:
    text = "My brother was running after me, teasing me."
    assert _codes(text, "aggression") == ["1MBA 2> D"]


def test_someone_told_or_seen_to_act_is_its_subject() -> None:
    assert _codes("I told my brother to give me the book.", "friendliness") == ["1MBA 3> D"]


def test_a_strangers_family_are_strangers_a_friends_family_known() -> None:
    assert _codes("A man sat by me. He said his father was a drunk.", "characters") == [
        "1MSA",
        "1MSA",
    ]
    assert _codes("My friend Bob came. His father was there.", "characters")[1] == "1MKA"


def test_a_name_restated_as_the_dreamers_relative_is_a_relative() -> None:
    assert _codes("Sonja, my niece, ran ahead.", "characters") == ["1FRA"]


def test_holding_someone_is_affection_holding_a_thing_is_not() -> None:
    assert _codes("I was holding my little cousin in my arms.", "friendliness") == ["D 6> 1IRC"]
    assert _codes("My father held a letter.", "friendliness") == []


def test_asking_the_dreamer_to_dance_is_an_invitation() -> None:
    assert _codes("A boy asked me to dance.", "friendliness") == ["1MKA 5> D"]


def test_getting_married_is_mutual_and_a_married_sister_is_no_act() -> None:
    assert _codes("My boyfriend and I got married.", "friendliness") == ["D 7= 1MKA"]
    assert _codes("My married sister came in.", "friendliness") == []


def test_a_thing_that_hits_is_no_aggressor() -> None:
    assert _codes("My father saw the ball. The ball hit me.", "aggression") == []
    assert _codes("My mother said the bomb would hit the town.", "aggression") == []


def test_a_pet_seal_is_no_petting() -> None:
    assert _codes("My cousin had a pet seal.", "friendliness") == []


def test_giving_way_and_a_smiling_face_are_no_friendliness() -> None:
    assert _codes("My mother was there and my legs gave way.", "friendliness") == []
    assert _codes("My father saw a smiling woman.", "friendliness") == []


def test_a_friend_of_mine_is_the_subject_not_the_dreamer() -> None:
    text = "An elderly man, an old friend of mine, came to visit me."
    assert _codes(text, "friendliness") == ["1MKA 5> D"]


def test_an_age_told_later_or_right_after_the_noun_sets_the_age_class() -> None:
    assert _codes("My sister was helping me pack. She is 17.", "characters") == ["1FTT"]
    assert _codes("We saw our other brother 13, at the hotel.", "characters") == ["1MBT"]


def test_a_predicate_restates_even_the_first_character() -> None:
    text = "A man who was a gangster was going to murder his mother-in-law."
    assert _codes(text, "characters")[:1] == ["1MSA"]
    assert len(_codes(text, "characters")) == 2


def test_in_laws_are_relatives() -> None:
    assert _codes("My sister-in-law who is a nurse came.", "characters") == ["1FRA"]
    assert _codes("My brothers-in-law came.", "characters") == ["2MRA"]


def test_whoever_wakes_the_dreamer_is_no_dream_character() -> None:
    text = "My mother was crying in the dream. My roommate then awakened me."
    assert _codes(text, "characters") == ["1FMA"]


def test_being_engaged_or_long_married_is_a_state_not_an_act() -> None:
    assert _codes("My friend Jean is engaged.", "friendliness") == []
    assert _codes("My friend Jean has been married for a year.", "friendliness") == []


def test_the_dreamer_alone_cannot_marry_herself() -> None:
    assert "D 7= D" not in _codes("I was going to marry.", "friendliness")


def test_fleeing_from_someone_makes_him_the_chaser() -> None:
    text = "My sister was with me. We were trying to get away from a large man."
    assert _codes(text, "aggression") == ["1MSA 6> D"]
    assert _codes("I ran away from the man.", "aggression") == ["1MSA 6> D"]


def test_hide_and_seek_and_the_thrown_knives_are_no_acts() -> None:
    assert _codes("My friends and I played hide and seek.", "aggression") == []
    assert _codes("My brother saw one of the thrown knives.", "aggression") == []


def test_withheld_help_and_coldness_are_rejection() -> None:
    assert _codes("My friend Jane wouldn't give me the book.", "aggression") == ["1FKA 3> D"]
    assert _codes("His parents were cold and indifferent to me.", "aggression") == ["2JKA 3> D"]


def test_someones_friends_share_the_owners_sex() -> None:
    assert _codes("My father, some of his friends, and I went hunting.", "characters") == [
        "1MFA",
        "2MKA",
    ]
