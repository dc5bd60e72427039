"""Where a Russian dream happens and when it moves: one setting per scene and per move."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")

from core.analysis.hvdc.ru import code_dream_ru


def _settings(text: str) -> list[str]:
    return code_dream_ru(text).card()["settings"]


def test_going_outside_is_a_new_setting() -> None:
    assert _settings("Я работала на фабрике. Потом я вышла на улицу.") == ["IQ", "OQ"]


def test_someone_elses_move_is_not_the_dreamers() -> None:
    text = "Я ехала в трамвае. Подруге надо было выйти, чтобы пойти в библиотеку."
    assert _settings(text) == ["OQ"]


def test_leaving_the_house_puts_the_dreamer_outside() -> None:
    assert _settings("Я вышла из дома и увидела машину.") == ["OF"]


def test_at_home_is_the_dreamers_only_when_she_is_there() -> None:
    assert _settings("Я дома и говорю с папой.") == ["IF"]
    assert _settings("Я спросила соседей, которые были дома, где моя улица.")[0] != "IF"


def test_a_named_street_is_a_familiar_outdoor_place() -> None:
    assert _settings("Мне снилось, что я бегу вверх по Энтисдейл-авеню.") == ["OF"]


def test_a_scene_change_starts_a_new_setting() -> None:
    text = "Я была в школе. Потом сон сменился. Я стояла в лесу у озера."
    assert _settings(text) == ["IF", "OQ"]


def test_something_had_is_not_a_place() -> None:
    assert _settings("У мамы были проблемы с мостом во рту.") == ["AQ"]


def test_a_likeness_is_not_a_place_unless_it_tells_where_one_is() -> None:
    assert _settings("Сон был цветной, как в кино.") == ["AQ"]
    assert _settings("Я стояла в воде, как в озере.") == ["OQ"]


def test_a_covered_pool_is_indoors() -> None:
    assert _settings("Я пошла плавать в крытый бассейн.")[0][0] == "I"
    assert _settings("Я плавала в открытом бассейне.")[0][0] == "O"


def test_where_someone_else_studies_or_where_one_meant_to_go_is_no_setting() -> None:
    text = (
        "Я ехала на велосипеде с парнем — он учится у нас в университете, — и мы собирались в кино."
    )
    assert "IF" not in _settings(text) and "IQ" not in _settings(text)


def test_leaving_a_building_is_a_step_outdoors_but_leaving_a_room_is_not() -> None:
    assert [c[0] for c in _settings("Я была в кафетерии. Потом я вышла из здания.")] == ["I", "O"]
    assert [c[0] for c in _settings("Я была в комнате. Потом я вышла из комнаты.")] == ["I"]


def test_a_place_under_a_less_likely_reading() -> None:
    assert _settings("Я играю на гитаре в парке.") == ["OQ"]


def test_a_town_takes_the_kind_of_the_building_in_it() -> None:
    text = "Мне снилось, что я в каком-то чужом городе. В гостинице у нас был один номер."
    assert _settings(text) == ["IU"]


def test_entering_a_building_after_a_town_is_a_new_setting() -> None:
    assert _settings("Я была в городе. Я зашла в больницу.") == ["OQ", "IQ"]


def test_home_as_a_destination_yields_to_the_road() -> None:
    assert _settings("Я шла домой по просёлочной дороге.")[0][0] == "O"


def test_a_place_only_run_towards_is_no_new_setting() -> None:
    assert _settings("Я шла по дороге. Потом я побежала к дому.") == ["OQ"]


def test_a_move_told_by_a_verb_of_the_other_sex_is_someone_elses() -> None:
    text = "Я стояла на улице. Мужчина обошёл меня и вошёл в дом."
    assert _settings(text) == ["OQ"]


def test_a_place_looked_for_is_not_where_the_dreamer_is() -> None:
    assert _settings("Я ищу гостиницу и не могу её найти.") == ["AQ"]


def test_a_place_after_the_part_of_it_one_is_at() -> None:
    assert _settings("Мы были уже далеко, в конце улицы.") == ["OQ"]
    assert _settings("Я сидела на переднем сиденье машины.") == ["OQ"]


def test_a_house_in_a_strange_place_is_strange_too() -> None:
    text = "Само озеро было незнакомое, и я плавала в озере. Потом мы долго плыли, плыли и плыли, и плыли дальше, и плыли, и плыли, и плыли, и плыли, и плыли, и плыли. Мы вбежали в дом."
    assert _settings(text) == ["OU", "IU"]


def test_a_scene_marker_may_open_a_clause() -> None:
    text = "Я шла по улице, и в следующий миг я уже была в комнате."
    assert _settings(text) == ["OQ", "IQ"]


def test_someone_elses_home_is_not_the_dreamers() -> None:
    # a man the dreamer does not know (S): his home is unfamiliar, not hers
    assert _settings("Мужчина схватил меня, и я уже была у него дома.") == ["IU"]
    assert _settings("Я была у себя дома.") == ["IF"]


def test_being_taken_somewhere_is_a_move() -> None:
    assert _settings("Я плыла в лодке. Потом меня бросили в чулан.") == ["OQ", "IQ"]


def test_a_parking_lot_after_leaving_the_office_is_outdoors() -> None:
    text = "Я на совещании в офисе. Потом я выхожу, а на парковке стоит новая машина."
    assert [c[0] for c in _settings(text)] == ["I", "O"]


def test_a_room_fixture_tells_indoors_when_no_place_is_named() -> None:
    assert _settings("Мама сидела у окна и вязала.")[0][0] == "I"
    assert _settings("Свекровь открыла холодильник.")[0][0] == "I"
    assert _settings("Мама вязала и молчала.") == ["AQ"]


def test_waking_life_told_before_the_dream_is_no_setting() -> None:
    text = "У нас в университете есть один парень. Мне снилось, что он ждёт меня на улице."
    assert _settings(text) == ["OQ"]


def test_where_someone_works_in_waking_life_is_no_setting_even_a_city() -> None:
    assert _settings("Мой друг работает в Чикаго. Во сне мы гуляли в парке.") == ["OQ"]


def test_a_description_before_in_the_dream_is_waking_life() -> None:
    text = "Мне снился мой друг. Он работает на заводе. Во сне мы гуляли в парке."
    assert _settings(text) == ["OQ"]


def test_a_train_one_is_late_for_is_not_where_one_is() -> None:
    assert _settings("Снилось, что я опаздываю на поезд. Бегу по вокзалу.") == ["IQ"]


def test_a_move_done_from_home_is_a_new_setting_but_a_walk_along_sharpens_it() -> None:
    assert _settings("Я была дома. Потом я поехала на автобусе в центр.") == ["IF", "OQ"]
    assert _settings("Я была дома. Я шла по парковке рядом со школой.") == ["OF"]


def test_a_walk_is_a_move() -> None:
    assert _settings("Я была в доме. Потом я гуляла по парку.") == ["IQ", "OQ"]


def test_where_someone_else_goes_is_not_where_the_dreamer_is() -> None:
    assert _settings("Я стою у окна. Подруга говорит, что он уехал в другой город.") == ["IQ"]
    assert _settings("Он бежал ко мне через поле, и я его обняла.") == ["OQ"]


def test_i_am_riding_is_a_move_not_food() -> None:
    assert _settings("Я была в комнате. Потом я еду по шоссе.") == ["IQ", "OQ"]


def test_home_with_us_after_it_is_the_dreamers() -> None:
    assert _settings("Все носились, и дома у нас был полный переполох.") == ["IF"]


def test_taking_an_exam_is_indoors_but_an_exam_only_told_of_is_not() -> None:
    assert _settings("Снилось, что я сдаю экзамен по матанализу.")[0][0] == "I"
    assert _settings("Я вспомнила, что у меня экзамен по немецкому.") == ["AQ"]


def test_a_family_room_named_by_its_fixture_is_familiar() -> None:
    assert _settings("Снилась мамочка, она сидела у окна и вязала.") == ["IF"]
    assert _settings("Соседка сидела у окна и вязала.") == ["IQ"]


def test_running_into_it_is_a_move_into_the_place_just_named() -> None:
    text = "Я плавала в озере. Посреди болота стоял дом. Мы вбежали в него и спрятались."
    assert [c[0] for c in _settings(text)] == ["O", "I"]


def test_a_place_looked_at_is_not_where_the_dreamer_is() -> None:
    assert _settings("Я смотрела на улицу, где шёл дождь.") == ["AQ"]


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("Мы с подругой сидели на причале.", "OQ"),
        ("Я шла по ущелью.", "OQ"),
        ("Мы ехали в такси.", "OQ"),
        ("Я мылась в душевой.", "IQ"),
        ("Мы пели в часовне.", "IF"),
    ],
)
def test_places_of_the_english_list_are_places(text: str, setting: str) -> None:
    assert _settings(text) == [setting]


def test_every_place_of_a_kind_is_no_one_setting() -> None:
    text = "Он ждал меня у каждой аудитории. Потом мы гуляли в парке."
    assert _settings(text) == ["OQ"]


def test_entering_a_place_of_another_familiarity_is_a_new_setting() -> None:
    text = "Я зашла в наш магазин. Наконец я пришла в какой-то безымянный магазинчик."
    assert _settings(text) == ["IF", "IU"]


def test_entering_another_place_of_the_same_kind_is_no_new_setting() -> None:
    assert _settings("Я зашла в наш магазин. Потом я пошла в другой магазин.") == ["IF"]


def test_a_place_named_by_another_alone_is_a_place() -> None:
    text = "Я была в незнакомой комнате, потом перешла в другую, знакомую."
    assert _settings(text) == ["IU", "IF"]


def test_a_street_corner_is_outdoors() -> None:
    assert _settings("Я повернула за угол.") == ["OQ"]
    assert _settings("Я сидела в углу.") == ["AQ"]
