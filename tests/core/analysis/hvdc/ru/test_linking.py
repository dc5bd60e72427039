"""Russian cast linking: who a later mention, a pronoun or a passive's agent stands for."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _card(text: str) -> dict[str, list[str]]:
    return code_dream_ru(text).card()


def test_a_pronoun_points_to_the_latest_mention_not_the_latest_newcomer() -> None:
    text = "Пришла Джулия, а потом мой брат. Брат сел. Я обняла его."
    assert _card(text)["friendliness"] == ["D 6> 1MBA"]


def test_a_name_opening_its_sentence_is_a_character() -> None:
    assert _card("Ирма пришла ко мне.")["characters"] == ["1FKA"]


def test_the_agent_of_a_passive_is_a_character_and_the_doer() -> None:
    card = _card("Я была укушена собакой.")
    assert card["characters"] == ["1ANI"]
    assert card["aggression"] == ["1ANI 7> D"]


def test_each_other_is_no_friend() -> None:
    assert _card("Мальчики дрались друг с другом.")["characters"] == ["2MSC"]


def test_a_group_acting_on_each_other_is_mutual_within_the_group() -> None:
    assert _card("Двое мужчин стреляли друг в друга.")["aggression"] == ["2MSA 7= 2MSA"]


def test_with_him_after_a_preposition_is_him_not_them() -> None:
    assert _card("Пришёл брат, и я с ним поссорилась.")["aggression"] == ["D 2= 1MBA"]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    text = "Нэнси и Джулия пришли. Нэнси засмеялась, а Джулия ударила её."
    assert _card(text)["aggression"] == ["1FKA 7> 1FKA"]


def test_an_indeclinable_name_after_a_comma_renames_the_person_before() -> None:
    # one person; known by name, so K (the gold of the English report codes her 1FKA)
    card = _card("Я отдала тетрадь преподавательнице, Дороти Крэндалл.")
    assert card["characters"] == ["1FKA"]
    assert card["friendliness"] == ["D 3> 1FKA"]


def test_a_name_after_a_thing_is_a_person_when_it_acts() -> None:
    assert _card("На мою фразу Нэнси ответила смехом.")["characters"] == ["1FKA"]


def test_a_genitive_name_after_a_place_stays_the_place() -> None:
    assert _card("Я во дворе Адельберта пью воду.")["characters"] == []


def test_waking_life_in_a_relative_clause_is_its_own() -> None:
    text = "Нэнси ответила язвительным «хм», которое в жизни меня немного мучает."
    assert _card(text)["characters"] == ["1FKA"]


def test_a_pair_joined_by_and_acting_on_each_other_is_mutual_between_them() -> None:
    assert _card("Мама и папа поссорились друг с другом.")["aggression"] == ["1FMA 2= 1MFA"]


def test_a_pair_fighting_together_fights_each_other() -> None:
    assert _card("Ваня и Петя дрались.")["aggression"] == ["1MKA 7= 1MKA"]


def test_a_name_of_either_sex_takes_it_from_its_verb() -> None:
    assert _card("Саша толкнул меня.")["characters"] == ["1MKA"]


def test_an_object_that_looks_nominative_is_still_the_object() -> None:
    assert _card("Человек в чёрном схватил мою дочь.")["aggression"] == ["1ISA 6> 1FDA"]


def test_a_group_named_by_a_singular_noun_agrees_as_a_singular() -> None:
    assert _card("Мою маму арестовала полиция.")["aggression"] == ["2JOA 6> 1FMA"]


def test_this_man_is_the_man_met_before() -> None:
    text = "Пришёл какой-то человек. Этот человек ударил меня."
    assert _card(text)["aggression"] == ["1ISA 7> D"]


def test_tot_standing_alone_is_the_one_last_named() -> None:
    text = "Учитель отругал мальчика, и тот заплакал. Потом тот ударил учителя."
    assert "1MSC 7R 1MOA" in _card(text)["aggression"]


def test_they_are_two_people_named_one_by_one() -> None:
    text = "Ирма пришла, а потом пришла Джулия. Они ударили меня."
    assert _card(text)["aggression"] == ["1FKA 7> D"]


def test_they_with_one_person_named_are_someone_unnamed() -> None:
    assert _card("Пришла Джулия. Они ударили меня.")["aggression"] == ["2IUA 7> D"]


def test_mother_with_father_is_a_pair_as_with_and() -> None:
    assert _card("Мама с папой поссорились.")["aggression"] == ["1FMA 2= 1MFA"]


def test_a_sentence_opening_with_its_verb_goes_on_with_the_last_subject() -> None:
    text = "Ко мне подошёл мужчина. Схватил меня за руку и потащил."
    assert _card(text)["aggression"] == ["1MSA 6> D"]


def test_the_dreamer_as_the_last_subject_goes_on_too() -> None:
    text = "Я увидела брата. Подбежала к нему и обняла."
    assert _card(text)["friendliness"] == ["D 6> 1MBA"]


def test_an_object_pronoun_is_not_the_one_joined_to_the_subject() -> None:
    text = "Вошёл мужчина. Мама с братом подошли и зажали его между дверями."
    assert _card(text)["aggression"] == ["1FMA 7> 1MSA"]


def test_one_of_the_girls_is_the_girl_the_cast_made() -> None:
    assert _card("Одна из девушек ударила меня.")["aggression"] == ["1FKA 7> D"]


def test_one_of_them_is_a_member_of_the_group() -> None:
    assert _card("Пришли мальчишки. Один из них толкнул меня.")["aggression"] == ["1MSC 7> D"]


def test_i_and_you_in_direct_speech_are_the_speaker_and_the_one_spoken_to() -> None:
    assert _card("Пришёл мужчина и сказал: «Я тебя убью».")["aggression"] == ["1MSA 4> D"]


def test_a_kindness_only_promised_in_direct_speech_is_not_done() -> None:
    assert _card("Сестра сказала: «Я тебя обниму».")["friendliness"] == []


def test_hate_declared_in_direct_speech_is_hostile_words() -> None:
    assert _card("Я крикнула брату: «Я тебя ненавижу!»")["aggression"] == ["D 2> 1MBA"]


def test_a_speaker_saying_i_does_not_tell_the_dreamer_sex() -> None:
    assert code_dream_ru("Мужчина сказал: «Я пришёл».").dreamer_sex == ""


def test_a_name_opening_the_next_sentence_names_the_one_just_met() -> None:
    text = "Девушка из соседней комнаты разбудила мою соседку. Ирма сказала, что рано."
    assert _card(text)["characters"] == ["1FKA", "1FKA"]


def test_an_undeclined_noun_agrees_with_a_plural_verb() -> None:
    text = "Снилось, что на нас напали зомби и мы от них отбивались."
    assert _card(text)["aggression"] == ["1CZZ 7> D", "D 7R 1CZZ"]


def test_a_plural_verb_with_the_dreamer_as_dropped_subject_is_we_together() -> None:
    text = "Снился папа, мы с ним ругались, потом помирились."
    assert _card(text)["friendliness"] == ["D 2= 1MFA"]


def test_one_and_the_other_standing_alone_are_members_of_the_group() -> None:
    text = "Ко мне пристали двое парней. Один схватил меня за руку."
    assert "1MKA 6> D" in _card(text)["aggression"]


def test_a_pronoun_after_a_preposition_is_not_who_suffers() -> None:
    text = "Один мужчина умер, а женщина рядом с ним потеряла сознание."
    assert "M5, 1FSA" in _card(text)["misfortune"]


def test_the_agent_of_a_passive_may_come_after_the_wound() -> None:
    assert _card("Я была ранена в руку каким-то солдатом.")["aggression"] == ["1MOA 7> D"]
