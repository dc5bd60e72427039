"""A Russian character's identity letter from the words around the noun."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_someone_the_dreamer_cannot_name_is_uncertain() -> None:
    assert _chars("Рядом сидел мужчина, не помню, кто это был.") == ["1MUA"]


def test_someone_from_the_dreamers_circle_is_known() -> None:
    assert _chars("Я увидела девушку из нашего общежития.") == ["1FKA"]
    assert _chars("Ко мне подошёл мой сосед.") == ["1MKA"]


def test_a_stranger_stays_a_stranger() -> None:
    assert _chars("Ко мне подошла незнакомая девушка.") == ["1FSA"]


def test_a_person_named_by_nation_is_ethnic() -> None:
    assert _chars("За нами погнался темнокожий мужчина.") == ["1MEA"]
    assert _chars("Там стояли китайские солдаты.") == ["2MEA"]


def test_counted_people_are_a_group_and_a_young_man_is_male() -> None:
    assert _chars("В офисе было несколько человек.") == ["2JSA"]
    assert _chars("Встал какой-то молодой человек.") == ["1MSA"]


def test_a_name_after_its_noun_is_the_same_person() -> None:
    assert _chars("Пришла моя подруга Шарлотта.") == ["1FKA"]


def test_a_later_mention_of_the_same_noun_is_the_same_person() -> None:
    assert _chars("Я искала пастора. Пастор сошёл с кафедры.") == ["1MOA"]
    assert _chars("Мы с подругой Джейн плыли. Джейн осталась на борту.") == ["1FKA"]
    assert _chars("Я увидела Франклина Рузвельта. Рузвельт улыбался.") == ["1MKA"]


def test_the_plural_shows_in_the_agreeing_word() -> None:
    assert _chars("Мои подруги из общежития тоже были там.") == ["2FKA"]


def test_a_name_after_a_place_is_the_places_name() -> None:
    assert _chars("Я пошла в библиотеку Кларка.") == []


def test_words_that_say_more_of_someone_are_not_someone_new() -> None:
    assert _chars("Со мной была моя соседка по комнате, учительница, 23 года.") == ["1FKA"]
    assert _chars("Вокруг неё было человек пять-шесть (мужчины и женщины).") == ["2JSA"]
    assert _chars("Зашёл президент. Президент был очень суровый человек.") == ["1MPA"]
    assert _chars("Я говорила с отцом своего старого друга (парень, 21 год).")[-1] == "1MKA"


def test_a_count_makes_a_group_whatever_the_nouns_case() -> None:
    assert _chars("Пришли три девушки.") == ["2FKA"]
    assert _chars("Минут через десять официантка рассердилась.") == ["1FOA"]


def test_a_witch_is_an_imaginary_figure() -> None:
    assert _chars("Враг был злая старая ведьма.") == ["5FPA"]
    assert _chars("Там были две ведьмы.") == ["6FPA"]


def test_an_adult_age_is_adult() -> None:
    assert _chars("Я спросила подругу (19 лет).") == ["1FKA"]
    assert _chars("Со мной была сестра (16 лет).") == ["1FTT"]


def test_boys_of_the_dreamers_age_are_male_adult_peers() -> None:
    assert _chars("Мне помогали какие-то мальчишки, примерно моего возраста.") == ["2MUA"]


def test_someone_only_compared_with_is_not_in_the_dream() -> None:
    assert _chars("Это был высокий нескладный тип вроде Энди Гампа.") == []


def test_an_apposition_in_any_case_renames() -> None:
    assert _chars("Меня позвали встретиться с Бобом, моим парнем.") == ["1MKA"]


def test_a_genitive_singular_after_a_preposition_is_one_person() -> None:
    assert _chars("Мы пытались уйти от огромного темнокожего мужчины.") == ["1MEA"]


def test_a_counted_group_listed_after_a_dash_is_its_members() -> None:
    assert _chars("Две мои подруги — Нэнси и Джулия — болтали со мной.") == ["1FKA", "1FKA"]


def test_what_something_looks_like_is_no_character() -> None:
    assert _chars("Я увидела насекомое, похожее на паука.") == ["1ANI"]


def test_a_plural_after_a_verb_of_coming_is_a_group() -> None:
    assert _chars("Пришли девочки.")[0][0] == "2"


def test_a_sister_by_sorority_is_a_fellow_member_not_kin() -> None:
    assert _chars("Она вернулась с одной из моих сестёр по сестринству.")[-1] == "1FKA"


def test_a_clause_that_places_someone_on_our_street_makes_him_known() -> None:
    assert _chars("Мужчина, который живёт дальше по нашей улице, гнался за мной.") == ["1MKA"]


def test_people_named_by_race_alone_are_an_ethnic_group() -> None:
    assert _chars("Под водой были чернокожие, которые утащили меня.") == ["2JEA"]
    assert _chars("Я убегала от огромного темнокожего мужчины.") == ["1MEA"]


def test_some_people_are_of_uncertain_identity() -> None:
    assert _chars("На кухне сидели какие-то люди.") == ["2JUA"]


def test_some_single_man_stays_a_stranger() -> None:
    assert _chars("Ко мне подошёл какой-то мужчина.") == ["1MSA"]


def test_other_people_are_of_uncertain_identity() -> None:
    assert _chars("Рядом стояли другие люди.") == ["2JUA"]


def test_other_students_keep_their_occupation() -> None:
    assert _chars("Вокруг меня стояли другие студенты.") == ["2JOA"]


def test_the_children_are_of_uncertain_identity() -> None:
    assert _chars("Я сидела с детьми.") == ["2JUC"]


def test_hundreds_of_children_are_strangers() -> None:
    assert _chars("На меня смотрели сотни детей.") == ["2JSC"]


def test_a_name_read_as_a_plural_is_one_person() -> None:
    assert _chars("Я увидела мисс Стовер.") == ["1FKA"]
