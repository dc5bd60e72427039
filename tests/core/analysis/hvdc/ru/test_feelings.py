"""Russian emotions from the HVdC definitions, including the less obvious members of a class."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _emotions(text: str) -> list[str]:
    return code_dream_ru(text).card()["emotions"]


def test_losing_nerve_is_apprehension() -> None:
    assert _emotions("На полпути я струсила и спустилась обратно.") == ["AP, D"]


def test_pride_is_happiness() -> None:
    assert _emotions("Кошка очень гордилась котёнком.") == ["HA, 1ANI"]


def test_being_undecided_is_confusion() -> None:
    assert _emotions("Я никак не могла решить, что взять.") == ["CO, D"]


def test_strange_as_the_manner_of_an_act_is_no_feeling() -> None:
    assert _emotions("Девчонки как-то странно переглянулись.") == []
    assert _emotions("Мне было странно.") == ["CO, D"]


def test_contentment_said_as_a_state_is_happiness() -> None:
    assert _emotions("Мне было так хорошо и спокойно.") == ["HA, D"]
    assert _emotions("Я почувствовал странный покой.") == ["HA, D"]
    assert _emotions("Я хорошо плавала.") == []
    assert _emotions("Там было довольно уютно.") == []
    assert _emotions("Всё было хорошо.") == []


def test_a_predicative_adverb_is_found_through_its_own_form() -> None:
    assert _emotions("Стало тревожно, телефон разрядился.") == ["AP, D"]


def test_tears_of_joy_are_happiness_not_sadness() -> None:
    assert _emotions("Мама плачет от радости.") == ["HA, 1FMA"]


def test_emptiness_inside_is_sadness_and_shock_is_confusion() -> None:
    assert _emotions("Я не плакала, просто было пусто внутри.") == ["SD, D"]
    assert _emotions("Все в шоке.") == ["CO, D"]


def test_strange_as_a_characters_manner_is_no_feeling() -> None:
    assert _emotions("Другой живёт в нашем районе и ведёт себя странно.") == []


def test_more_members_of_the_classes() -> None:
    assert _emotions("У меня сердце ушло в пятки.") == ["AP, D"]
    assert _emotions("Я вздрогнула.") == ["AP, D"]
    assert _emotions("Я была ошарашена.") == ["CO, D"]
    assert _emotions("Мне полегчало.") == ["HA, D"]
    assert _emotions("Я чувствовала вину.") == ["AP, D"]


def test_a_verb_of_feeling_is_felt_by_its_subject_not_its_dative() -> None:
    text = "Моя подруга приехала к нам. Я ей очень обрадовалась."
    assert _emotions(text) == ["HA, D"]
    assert _emotions("Моя подруга приехала к нам. Ей было страшно.") == ["AP, 1FKA"]
    assert _emotions("Моя подруга приехала к нам. Она мне очень понравилась.") == ["HA, D"]


def test_nothing_scary_denies_the_feeling() -> None:
    assert _emotions("Парень сказал, что ничего страшного.") == []


def test_regret_is_sadness() -> None:
    assert _emotions("Я жалею, что забыла своё вязание.") == ["SD, D"]


def test_vexation_and_bewilderment() -> None:
    assert _emotions("Меня это взбесило.") == ["AN, D"]
    assert _emotions("Мне было досадно.") == ["AN, D"]
    assert _emotions("Я была совсем сбита с толку.") == ["CO, D"]


def test_a_feeling_adverb_before_a_quality_or_an_act_only_means_very() -> None:
    assert _emotions("Лица были страшно искажены.") == []
    assert _emotions("Я страшно разозлилась.") == ["AN, D"]
    assert _emotions("Было ужасно холодно.") == []
    assert _emotions("Мне было страшно идти туда.") == ["AP, D"]
    assert _emotions("Удивительно было то, что мы жили там.") == ["CO, D"]


def test_a_feeling_adjective_before_a_noun_describes_unless_the_noun_is_a_mood() -> None:
    assert _emotions("Вышел судья очень весёлого вида.") == []
    assert _emotions("Я ушла в очень подавленном настроении.") == ["SD, D"]


def test_a_denied_linking_verb_denies_the_feeling() -> None:
    assert _emotions("Мне не было страшно.") == []
    assert _emotions("Я не была рада.") == []


def test_glad_in_the_plural_is_happiness() -> None:
    # pymorphy3 reads «рады» as the noun «рада» (a council)
    assert _emotions("Мы были очень рады.") == ["HA, D"]
