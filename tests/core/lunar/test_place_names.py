"""City names in the user's language: a curated table for the largest, a rule for the rest."""

from __future__ import annotations

import pytest

from core.lunar.place_names import place_label


@pytest.mark.parametrize(
    ("english", "russian"),
    [
        ("Saint Petersburg", "Санкт-Петербург"),  # the list has only «Санкт Петербург», «Питер»…
        ("Greenwich", "Гринвич"),  # the default of UTC users
        ("Kyiv", "Киев"),  # not «Київ», «Кыив» or «Киеву»
        ("Nizhniy Novgorod", "Нижний Новгород"),  # not «Горький»
    ],
)
def test_largest_cities_come_from_the_curated_table(english: str, russian: str) -> None:
    assert place_label(english, "ru") == russian


@pytest.mark.parametrize(
    ("english", "russian"),
    [("Kursk", "Курск"), ("Cheboksary", "Чебоксары"), ("Tver", "Тверь"), ("Podolsk", "Подольск")],
)
def test_other_cities_get_the_russian_spelling_the_rule_picks(english: str, russian: str) -> None:
    assert place_label(english, "ru") == russian


def test_names_stay_as_they_are_for_english_users_and_for_coordinates() -> None:
    assert place_label("Saint Petersburg", "en") == "Saint Petersburg"
    assert place_label("55.75, 37.62", "ru") == "55.75, 37.62"
    assert place_label("Москва", "ru") == "Москва"
