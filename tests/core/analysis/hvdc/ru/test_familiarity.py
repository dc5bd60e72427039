"""How familiar a Russian dream's setting is, read as the HVdC definitions order it."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _settings(text: str) -> list[str]:
    return code_dream_ru(text).card()["settings"]


def test_a_place_called_strange_is_unfamiliar_even_sentences_later() -> None:
    text = "Я оказалась в незнакомом городе. Потом я долго шла. Я зашла в больницу."
    assert _settings(text) == ["OU", "IU"]


def test_a_stranger_does_not_make_the_place_unfamiliar() -> None:
    assert _settings("Я шла по дороге, и за мной погнался незнакомый мужчина.") == ["OQ"]


def test_a_known_place_that_changed_is_distorted() -> None:
    assert _settings("Я была в кафе, только оно было совсем не похоже на настоящее.") == ["ID"]


def test_a_city_named_is_geographical_unless_it_is_home() -> None:
    assert _settings("Мы с мужем оказались в Лондоне.") == ["AG"]  # a city: indoors or out?
    assert _settings("Мы с мамой поехали в центр Кливленда, а потом поехали домой.")[0][1] == "F"


def test_the_dreamers_own_places_are_familiar() -> None:
    assert _settings("Я сидела на кухне и пила чай.") == ["IF"]
    assert _settings("Я была на работе и печатала на машинке.") == ["IF"]
    assert _settings("Я поднялась к нам на чердак.") == ["IF"]
    assert _settings("Я зашла в университетский книжный магазин.") == ["IF"]


def test_where_someone_lives_is_familiar() -> None:
    assert _settings("Я пришла в дом, где когда-то жила моя тётя.") == ["IF"]


def test_a_vehicle_is_not_familiar_for_being_mine() -> None:
    assert _settings("Я ехала по шоссе в моей машине.") == ["OQ"]


def test_a_place_anyone_might_be_in_stays_questionable() -> None:
    assert _settings("Я была в каком-то маленьком офисе.") == ["IU"]
    assert _settings("Я стояла в очереди в магазине.") == ["IQ"]


def test_where_the_dreamer_lives_is_familiar() -> None:
    assert _settings("Я жила в гостинице с квартирами.") == ["IF"]


def test_a_person_never_seen_does_not_make_the_street_strange() -> None:
    text = "Я иду по Сидар-роуд с сестрой. За нами пошёл мужчина (его я никогда раньше не видела)."
    assert _settings(text) == ["OF"]


def test_a_relatives_place_and_a_bare_garden_are_familiar() -> None:
    assert _settings("Мне снилась бабушкина деревня: луг, речка.") == ["OF"]
    assert _settings("Муж стоит в саду у калитки.") == ["OF"]


def test_getting_lost_makes_the_place_unfamiliar() -> None:
    assert _settings("Мы ехали по дороге, но заблудились.") == ["OU"]


def test_the_university_by_its_colloquial_name_is_the_dreamers() -> None:
    assert _settings("Мне снилось, что я прихожу в универ.") == ["IF"]


def test_the_dreamers_own_place_with_an_only_that_changes_it_is_distorted() -> None:
    assert _settings("Я была дома, только дом стоял в глуши.") == ["ID"]


def test_a_person_changing_into_another_changes_no_place() -> None:
    text = "Я была у себя в спальне. Отец моего парня превратился в моего парня."
    assert _settings(text) == ["IF"]


def test_quoted_speech_is_no_named_place() -> None:
    text = "Я ждала за кулисами. Руководительница сказала: «Пошли». Мы вышли на сцену."
    assert _settings(text)[0][1] == "Q"


def test_a_dorm_that_tells_who_someone_is_does_not_place_the_scene() -> None:
    assert _settings("Я сидела в столовой. Мои подруги из общежития тоже были там.") == ["IQ"]


def test_being_back_in_a_place_makes_it_familiar() -> None:
    assert _settings("Снилось, что я снова в армии, на плацу.") == ["OF"]


def test_a_mall_is_indoors() -> None:
    assert _settings("Я в огромном торговом центре, ищу выход.")[0][0] == "I"


def test_a_named_ocean_is_geographical() -> None:
    assert _settings("Я еду в красивой машине по шоссе над Тихим океаном.") == ["OG"]


def test_a_strangers_home_is_unfamiliar() -> None:
    text = "Из темноты появился незнакомый мужчина, и вот я уже у него дома."
    assert code_dream_ru(text).card()["settings"] == ["IU"]


def test_a_brothers_home_is_not_a_strangers() -> None:
    text = "Ко мне подошёл мой брат, и вот я уже у него дома."
    assert code_dream_ru(text).card()["settings"] == ["IQ"]


def test_rooms_of_a_house_that_is_not_hers_are_not_familiar() -> None:
    text = "Я была в доме. Это был большой дом с дорогой мебелью. Я пошла на кухню."
    assert code_dream_ru(text).card()["settings"] == ["IQ"]


def test_rooms_of_her_own_house_are_familiar() -> None:
    assert code_dream_ru("Я была в нашем доме. Я пошла на кухню.").card()["settings"] == ["IF"]
    assert code_dream_ru("Я пошла на кухню.").card()["settings"] == ["IF"]


def test_a_place_described_as_familiar_is_familiar_after_a_strange_one() -> None:
    text = "Я оказалась в незнакомой комнате. Потом я вышла и перешла в другую, очень знакомую."
    assert code_dream_ru(text).card()["settings"] == ["IU", "IF"]
