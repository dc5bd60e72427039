"""Who is a character in a Russian report: likenesses, the hunted, animals, groups, ages."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _chars(text: str) -> list[str]:
    return code_dream_ru(text).card()["characters"]


def test_what_something_looks_like_is_not_in_the_dream() -> None:
    assert _chars("Животное было похоже на осьминога.") == ["1ANI"]


def test_animals_hunted_are_not_met() -> None:
    assert _chars("Мы с папой были в лесу на охоте на енотов.") == ["1MFA"]


def test_a_moose_is_an_animal() -> None:
    assert _chars("В лесу стоял лось.") == ["1ANI"]


def test_a_plural_verb_after_the_noun_shows_a_group() -> None:
    assert _chars("Я передала заказ. Но повара долго совещаются.")[0][0] == "2"
    assert _chars("Лошади, которые тянули телегу, испугались.") == ["2ANI"]


def test_a_reflexive_verb_before_the_noun_shows_a_group() -> None:
    assert _chars("Из окна со мной здоровались мамы обеих девочек.")[0][0] == "2"


def test_my_mother_and_father_are_one_each() -> None:
    assert _chars("Там были мои мама и папа.") == ["1FMA", "1MFA"]


def test_a_genitive_after_a_preposition_stays_one() -> None:
    assert _chars("У моей мамы были проблемы с зубами.") == ["1FMA"]


def test_a_later_pronoun_tells_the_sex_a_noun_hides() -> None:
    assert _chars("Мне снился один из моих преподавателей. Он улыбался.") == ["1MKA"]
    assert _chars("Врач смотрит. Я злюсь на неё.") == ["1FOA"]
    assert _chars("Врач смотрит на ребёнка. Я злюсь на неё.")[0] == "1IOA"


def test_someone_only_looked_for_is_not_met() -> None:
    assert _chars("Я пыталась найти хоть кого-то, но видела только животных.") == ["2ANI"]
    assert _chars("Мы вышли из машины, чтобы спросить у кого-нибудь дорогу.") == []
    assert _chars("Кто-то мерил мне температуру.") == ["1IUA"]


def test_an_age_told_in_the_next_sentence() -> None:
    assert _chars("Сестра помогала мне собирать вещи. Ей 17, она живёт дома.") == ["1FTT"]


def test_initials_read_as_a_preposition_are_still_a_person() -> None:
    assert len(_chars("Помню, что увидела С. М., который учится в Майами.")) == 1


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    text = "Я видела только Франклина Рузвельта. Самое поразительное — спокойствие, которое Рузвельт сохранял."
    assert _chars(text) == ["1MKA"]


def test_a_name_after_a_place_is_the_place_s_name() -> None:
    assert _chars("Я искала в больнице Крайла.") == []


def test_in_another_dream_is_no_friend() -> None:
    assert _chars("В другом похожем сне мой отец пытался меня догнать.") == ["1MFA"]


def test_a_brother_whose_age_was_told_once_is_one_brother() -> None:
    text = "Я сказала брату (12 лет), чтобы он позвал маму. Мама с братом подошли."
    assert _chars(text) == ["1MBC", "1FMA"]


def test_an_elder_and_a_younger_brother_are_two() -> None:
    assert len(_chars("Мой старший брат пришёл, а младший брат остался.")) == 2


def test_a_bare_noun_after_this_woman_is_the_same_woman() -> None:
    text = (
        "Мы были в палате с пациенткой. Я спросила сестру, что можно сделать для этой "
        "женщины. Она сказала, что женщина просто ждёт смерти."
    )
    assert _chars(text).count("1FSA") == 1


def test_a_likeness_after_as_is_not_in_the_dream() -> None:
    assert _chars("Мне снилось, что я лечу над городом, как птица.") == []


def test_someone_said_not_to_be_there_is_absent() -> None:
    assert _chars("Я выхожу замуж, а жениха нет. Мама нервничает.") == ["1FMA"]


def test_sand_is_no_little_dog() -> None:
    assert _chars("Я стою на песке у самой кромки воды.") == []


def test_fire_escapes_are_no_firemen() -> None:
    assert _chars("Терпеть не могу пожарные лестницы.") == []


def test_this_is_a_frenchman_says_who_someone_met_is() -> None:
    assert _chars("За рулём был мой начальник. Это француз лет сорока.") == ["1MKA"]
    assert _chars("Мне казалось, что это мой жених.") == []
