"""Code strings in DreamBank notation are split into their slots."""

from __future__ import annotations

import pytest

from core.analysis.norms.card import parse_card
from core.analysis.norms.notation import (
    Character,
    NotationError,
    parse_activity,
    parse_character,
    parse_emotion,
    parse_interaction,
    parse_modifier,
    parse_object,
    parse_outcome,
    parse_setting,
)


def test_character_code_gives_number_sex_identity_age() -> None:
    char = parse_character("2JUA")
    assert char == Character(2, "human", "J", "U", "A")
    assert char.plural and not char.familiar and not char.dead_or_imaginary


@pytest.mark.parametrize(
    ("code", "dead_or_imaginary"),
    [
        ("3MSA", True),
        ("4ISA", True),
        ("5FPA", True),
        ("6JSA", True),
        ("7MKA", False),
        ("8MKA", False),
    ],
)
def test_dead_and_imaginary_are_numbers_three_to_six(code: str, dead_or_imaginary: bool) -> None:
    assert parse_character(code).dead_or_imaginary is dead_or_imaginary


def test_family_identities_are_familiar_and_strangers_are_not() -> None:
    assert parse_character("1FMA").family and parse_character("1FMA").familiar
    assert parse_character("1MKA").familiar and not parse_character("1MKA").family
    assert not parse_character("1MOA").familiar


def test_animals_and_creatures_are_not_human() -> None:
    assert parse_character("2ANI") == Character(2, "animal")
    assert parse_character("1CZZ").kind == "creature"
    assert not parse_character("1ANI").is_human


def test_interaction_with_several_recipients_and_loose_spacing() -> None:
    agg = parse_interaction("D 3> 1FMA +1MKA")
    assert agg.initiators == ("D",)
    assert (agg.level, agg.direction) == (3, ">")
    assert agg.recipients == ("1FMA", "1MKA")
    assert agg.one_way and agg.dreamer_involved


@pytest.mark.parametrize(
    ("code", "direction"),
    [("D 7r 1MKA", "R"), ("D 4R 1MKA", "R"), ("D 2= 1MKA", "="), ("D 1*", "*")],
)
def test_interaction_directions(code: str, direction: str) -> None:
    assert parse_interaction(code).direction == direction


def test_unknown_participant_q_is_kept_but_is_not_the_dreamer() -> None:
    agg = parse_interaction("Q 6> 1MFA")
    assert agg.initiators == ("Q",) and not agg.dreamer_involved


def test_emotion_with_several_feelers() -> None:
    emotion = parse_emotion("HA, D +2JUA")
    assert emotion.kind == "HA" and emotion.who == ("D", "2JUA") and not emotion.negative
    assert parse_emotion("AP, D").negative


def test_settings_objects_outcomes_activities_modifiers() -> None:
    assert (parse_setting("IF").location, parse_setting("IF").quality) == ("I", "F")
    assert parse_setting("NS").location == "N"
    assert parse_object("BT").cls == "BT"
    misfortune = parse_outcome("M5, D + 1MKA")
    assert (misfortune.kind, misfortune.level, misfortune.who) == ("M", 5, ("D", "1MKA"))
    assert parse_outcome("SU, D").kind == "SU"
    assert parse_activity("D + 1MKA V> 2JSA").slots() == ("1MKA+D", "V", ">", "2JSA")
    assert parse_modifier("S-").slots() == ("S", "-")


@pytest.mark.parametrize("code", ["", "MKA", "1MZA", "9MKA", "1MKAX"])
def test_malformed_character_raises_notation_error(code: str) -> None:
    with pytest.raises(NotationError):
        parse_character(code)


def test_card_keeps_malformed_codes_aside() -> None:
    parsed = parse_card({"characters": ["1MKA", "oops"], "emotions": ["XX, D"]})
    assert len(parsed.characters) == 1
    assert parsed.invalid == [("characters", "oops"), ("emotions", "XX, D")]
