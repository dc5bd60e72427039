"""The sex of an undescribed group (HVdC: J = both sexes, I = sex cannot be told)."""

from __future__ import annotations

from core.analysis.hvdc import code_dream


def _characters(text: str) -> list[str]:
    return code_dream(text).card()["characters"]


def test_a_crowd_holds_both_sexes() -> None:
    assert _characters("The hall was filled with many people.") == ["2JSA"]


def test_a_group_of_a_stated_small_size_is_of_indefinite_sex() -> None:
    assert _characters("Two people were walking behind me.") == ["2ISA"]


def test_several_friends_say_nothing_of_their_sex() -> None:
    assert _characters("I sat with several friends in the cafeteria.") == ["2IKA"]


def test_a_pair_mixed_by_meaning_stays_joint() -> None:
    assert _characters("I met two couples at the party.")[0][1] == "J"


def test_a_count_beyond_the_noun_phrase_counts_something_else() -> None:
    assert _characters("I bought two books and people watched me.") == ["2JSA"]


def test_quite_a_few_is_a_crowd() -> None:
    assert _characters("There were quite a few people in the store.") == ["2JSA"]
