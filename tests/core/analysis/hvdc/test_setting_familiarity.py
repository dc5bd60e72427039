"""Specifications of how a setting's familiarity is read: strangeness and change are the
place's only when the words are about the place, not about a person or an act."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream


def _settings(text: str) -> list[str]:
    return code_dream(text).card()["settings"]


def test_strange_place_is_unfamiliar() -> None:
    assert _settings("I was in a strange town.") == ["OU"]


@pytest.mark.parametrize(
    "text",
    [
        "I was in the kitchen when a strange man came in.",
        "I was in my room with a girl I had never seen before.",
        "We sat in the kitchen with some boys, all unknown to me.",
    ],
)
def test_stranger_in_a_known_place_leaves_the_place_familiar(text: str) -> None:
    assert _settings(text) == ["IF"]


@pytest.mark.parametrize(
    "text",
    [
        "I was sitting in my room at my desk. The room did not look like mine.",
        "I was at home but it was not our house.",
        "I was in the store. The store was altogether different from the real one.",
    ],
)
def test_place_that_looks_changed_is_distorted(text: str) -> None:
    assert _settings(text)[0][1] == "D"


@pytest.mark.parametrize(
    "text",
    [
        "I was in my room. He held me close, but instead of kissing me he laughed.",
        "I went into the store. I changed my dress there.",
        "I walked into the house. My brother had changed into a dog.",
    ],
)
def test_change_of_a_person_or_an_act_leaves_the_place_as_it_is(text: str) -> None:
    assert _settings(text)[0][1] != "D"


def test_family_of_a_relative_are_relatives() -> None:
    codes = code_dream("My cousin came in with her mother.").card()["characters"]
    assert codes == ["1FRA", "1FRA"]


def test_dormitory_that_only_qualifies_people_does_not_make_the_scene_familiar() -> None:
    text = "I was sitting at the table in the dining room. My dormitory friends were there too."
    assert _settings(text) == ["IQ"]


def test_dorm_as_a_place_in_the_scene_makes_it_familiar() -> None:
    text = "I was sitting at the table in the dining room. Later we walked back to the dorm."
    assert _settings(text) == ["IF"]


@pytest.mark.parametrize(
    "text",
    [
        "We were in the lab. The lab was just one room, not the way it actually is.",
        "I was roaming in a ravine which was quite similar to the one near my old school.",
        "We walked down the street. The street greatly resembled Euclid Avenue.",
    ],
)
def test_place_unlike_the_real_one_is_distorted(text: str) -> None:
    assert _settings(text)[0][1] == "D"


@pytest.mark.parametrize(
    "text",
    [
        "We were on a larger boat, similar to a pirate ship.",
        "I was in the classroom and showed the class what it looked like.",
        "I am standing in a shower. First it looks like mucus.",
        "I was at the station. A man who looked like a traveller waved.",
    ],
)
def test_likeness_to_a_kind_of_place_distorts_nothing(text: str) -> None:
    assert _settings(text)[0][1] != "D"


@pytest.mark.parametrize(
    "text",
    [
        "A man in a mask appeared and the next thing I knew I was in his home.",
        "I was staying at the home of an aged lady.",
    ],
)
def test_home_of_a_stranger_is_unfamiliar(text: str) -> None:
    assert _settings(text)[-1] == "IU"


def test_home_of_someone_known_stays_familiar() -> None:
    assert _settings("My brother came and I was in his home.") == ["IF"]


@pytest.mark.parametrize(
    "text",
    [
        "I was walking past an old brick building behind our house.",
        "I dreamt I was out by the barn at home.",
        "I was sitting in front of the house with my husband.",
    ],
)
def test_beside_a_building_is_outdoors(text: str) -> None:
    assert _settings(text)[0][0] == "O"


def test_at_the_front_of_the_stairs_is_still_indoors() -> None:
    assert _settings("I am standing at the front of the stairs.")[0][0] == "I"
