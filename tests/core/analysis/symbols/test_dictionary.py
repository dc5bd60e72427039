"""The symbol dictionary as data: size, both languages, archetypes, and forms that expand."""

from __future__ import annotations

import re

from core.analysis.symbols import ARCHETYPES, get_symbol, load_dictionary
from core.analysis.symbols.forms import expand_form


def test_dictionary_has_at_least_150_symbols_with_unique_keys() -> None:
    entries = load_dictionary()
    keys = [e.key for e in entries]
    assert len(entries) >= 150
    assert len(set(keys)) == len(keys)


def test_every_symbol_has_both_languages_forms_meaning_and_known_archetypes() -> None:
    for entry in load_dictionary():
        assert entry.archetypes, entry.key
        assert set(entry.archetypes) <= set(ARCHETYPES), entry.key
        for lang in ("en", "ru"):
            side = entry.texts[lang]
            assert side.label and side.meaning and side.forms, (entry.key, lang)


def test_russian_meanings_are_written_in_cyrillic() -> None:
    for entry in load_dictionary():
        assert any("а" <= ch <= "я" for ch in entry.meaning("ru").lower()), entry.key


def test_common_dream_symbols_are_present() -> None:
    for key in ("water", "flying", "falling", "teeth", "house", "snake", "chase", "exam",
                "death", "baby", "car", "door", "fire", "mother", "wedding"):  # fmt: skip
        assert get_symbol(key) is not None, key


def test_russian_stem_expands_to_case_forms_but_not_to_longer_words() -> None:
    forms = {tokens[0] for tokens in expand_form("вод~", "ru")}
    assert {"вода", "воды", "воду", "водой", "воде"} <= forms
    assert "водитель" not in forms and "водка" not in forms


def test_english_tilde_adds_the_regular_plural() -> None:
    assert expand_form("butterfly~", "en") == [("butterfly",), ("butterflies",)]
    assert expand_form("bus~", "en") == [("bus",), ("buses",)]


def test_every_form_expands_to_at_least_one_word() -> None:
    for entry in load_dictionary():
        for lang in ("en", "ru"):
            for form in entry.texts[lang].forms:
                assert expand_form(form, lang), (entry.key, form)


def test_no_word_form_belongs_to_two_symbols() -> None:
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for entry in load_dictionary():
        for lang in ("en", "ru"):
            for form in entry.texts[lang].forms:
                for tokens in expand_form(form, lang):
                    if owner.setdefault(tokens, entry.key) != entry.key:
                        clashes.append((tokens, owner[tokens], entry.key))
    assert clashes == []


def test_russian_meanings_address_the_user_formally() -> None:
    informal = re.compile(r"\b(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей)\b")
    for entry in load_dictionary():
        assert not informal.search(entry.meaning("ru").lower()), entry.key
