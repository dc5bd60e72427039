"""Striving told in the present tense, and outcome words the women's norm reports never used.

The development set is written in the past tense; many reports (DreamBank's long men's series,
and the product's users) are told in the present.  Hall & Van de Castle's definition does not
depend on tense: an effort (``I try to``, ``I have a hard time``) and what came of it
(``it doesn't work``, ``eventually I do``, ``I manage to``) make the same episode.
"""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream


def _striving(text: str) -> tuple[list[str], list[str]]:
    card = code_dream(text).card()
    return card["success"], card["failure"]


@pytest.mark.parametrize(
    "text",
    [
        "I try to get a drink from the lady. It doesn't work.",
        "I try to suck the poison out, to no avail.",
        "I try to close the front door. The door won't latch.",
        "I picked up the spike and tried to stab the coal, and missed.",
        "We try to trick the guard but fail.",
        "I tried to run, but I kept falling down.",
        "I tried to call the station. I never could make it through.",
        "I tried to get through the opening, but it was too narrow.",
        "I tried to lift the box, but I was too weak.",
    ],
)
def test_an_effort_that_falls_short_in_other_words_is_a_failure(text: str) -> None:
    assert _striving(text)[1] == [("FL, D")]


@pytest.mark.parametrize(
    "text",
    [
        "I try to find the icon on the screen. Eventually I do.",
        "I try to catch up to them, but they're always ahead. I finally catch up.",
        "I had a hard time finding the key, but finally found it.",
        "I manage to get some soap out of the container.",
        "I succeed in getting some red dots.",
    ],
)
def test_an_effort_that_reaches_its_goal_in_other_words_is_a_success(text: str) -> None:
    assert _striving(text) == (["SU, D"], [])


@pytest.mark.parametrize(
    "text",
    [
        "I try to call my girlfriend. I miss her so much.",
        "I try to tie a knot so the leg of the pants won't unravel.",
        "We were trying to find the house. Finally we got out of the car to ask the way.",
        "I want to manage the store.",
        "I tried to call her, but it was too late at night.",
    ],
)
def test_longing_a_purpose_or_a_scene_ending_is_no_outcome(text: str) -> None:
    assert _striving(text) == ([], [])
