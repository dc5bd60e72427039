"""Symbols read as a Russian speaker reads them: by lemma, past modifiers, whose relative."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.symbols import find_symbols
from core.analysis.symbols.salience import rank_by_salience

pytest.importorskip("pymorphy3", reason="the nlp-ru extra (natasha, pymorphy3) is not installed")


def _keys(text: str, locale: str = "ru") -> list[str]:
    return [hit.key for hit in find_symbols(text, locale)]


def test_unfamiliar_city_is_a_city_not_a_stranger() -> None:
    assert _keys("Я шла по незнакомому городу.") == ["city"]


def test_unfamiliar_man_is_still_a_stranger() -> None:
    assert "stranger" in _keys("Ко мне подошёл незнакомый мужчина.")


def test_brothers_wife_is_not_the_dreamers_wife() -> None:
    keys = _keys("Жена брата стояла у окна.")
    assert "wife" not in keys
    assert "brother" in keys


def test_someone_elses_relative_in_english_is_not_the_dreamers() -> None:
    assert "wife" not in _keys("My friend's wife was there.", "en")
    assert "mother" not in _keys("His mother smiled.", "en")
    assert "mother" in _keys("My mother smiled.", "en")


def test_a_verb_form_outside_the_listed_forms_is_found_by_its_lemma() -> None:
    assert "chase" in _keys("Вдруг за мной погнался какой-то человек.")


def test_labels_follow_the_interface_language_not_the_dreams() -> None:
    hits = find_symbols("I was running up the stairs.", "ru")
    assert [hit.label for hit in hits] == ["Лестница"]


def test_acts_come_before_images_named_in_passing() -> None:
    text = "Я стояла у окна. Потом за мной погнался мужчина, и я побежала по лестнице к маме."
    hits = rank_by_salience(find_symbols(text, "ru"), code_dream(text))
    keys = [hit.key for hit in hits]
    assert keys[0] == "chase"
    assert keys.index("window") > keys.index("mother")


def test_forms_of_to_be_are_not_a_former_partner() -> None:
    """A noun stem's made-up endings once lent «быть» to the lemma index (via «бывши»)."""
    assert "ex_partner" not in _keys("Когда я оборачивалась, никого не было. Всё будет хорошо.")
    assert "ex_partner" in _keys("Мне снился бывший муж.")
    assert "ex_partner" in _keys("Я встретила бывшего на вокзале.")
