"""Success and failure (HVdC achievement outcomes) on the cases rules most often get wrong.

Hall & Van de Castle: success is a striving that reaches its goal by the character's own
effort; failure is one that falls short through the character's own inadequacy.  What outside
forces or other people do to a character is misfortune or an interaction, not failure.
"""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream


def _card(text: str) -> dict[str, list[str]]:
    return code_dream(text).card()


def _striving(text: str) -> tuple[list[str], list[str]]:
    card = _card(text)
    return card["success"], card["failure"]


def test_tried_but_could_not_is_the_strivers_failure() -> None:
    assert _striving("I tried to open the window but could not.") == ([], ["FL, D"])
    assert _striving("I tried to call my father, but I couldn't.") == ([], ["FL, D"])


def test_failure_is_coded_for_the_striver_not_the_nearest_person() -> None:
    text = "My father fell down and I tried to help him up, but couldn't."
    assert _striving(text)[1] == ["FL, D"]


def test_someone_elses_success_is_coded_for_them() -> None:
    text = "My father tried hard to lift the box. Finally he managed to lift it."
    assert _striving(text) == (["SU, 1MFA"], [])


def test_another_persons_refusal_is_interference_not_failure() -> None:
    assert _striving("I tried to explain, but she wouldn't listen to me.") == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "I didn't manage to open the door.",
        "I tried to open the door, but I was not able to do it.",
    ],
)
def test_negated_success_is_failure(text: str) -> None:
    assert _striving(text) == ([], ["FL, D"])


def test_doubt_about_the_outcome_is_not_coded() -> None:
    text = "I fought a huge spider. It nearly got the better of me. I'm not sure who won."
    assert _striving(text) == ([], [])


def test_an_obstacle_is_misfortune_not_failure() -> None:
    card = _card("I couldn't cross the street because of the cars.")
    assert card["failure"] == []
    assert card["misfortune"] == ["M1, D"]


def test_what_she_cannot_remember_is_neither_failure_nor_obstacle() -> None:
    card = _card("I couldn't remember his name.")
    assert card["failure"] == [] and card["misfortune"] == []


def test_a_failure_overcome_is_a_success() -> None:
    text = (
        "I tried to call Milt. I was unable to reach him for a long time, "
        "but finally I got to talk to him."
    )
    assert _striving(text) == (["SU, D"], [])


def test_a_search_that_ends_in_finding_is_a_success() -> None:
    text = "I was looking for my purse everywhere. After a long time I found it under the bed."
    assert _striving(text) == (["SU, D"], [])


def test_not_finding_is_failure_and_the_m1_mishap() -> None:
    card = _card("I couldn't find my keys anywhere.")
    assert card["failure"] == ["FL, D"]
    assert card["misfortune"] == ["M1, D"]


def test_a_scene_that_finally_ends_is_not_a_success() -> None:
    text = "I tried to talk to him. We talked for hours. Finally I woke up."
    assert _striving(text) == ([], [])


def test_a_plan_to_try_is_not_a_striving() -> None:
    assert _striving("He said he would try to get them, but he couldn't promise.") == ([], [])


def test_we_names_the_companions() -> None:
    text = "My brother and I were driving home. We tried to push the car out, but we couldn't."
    assert _striving(text)[1] == ["FL, D + 1MBA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I passed the exam.", (["SU, D"], [])),
        ("I flunked the test.", ([], ["FL, D"])),
        ("During the test I had no idea of the answers.", ([], ["FL, D"])),
        ("I had no idea that he would come.", ([], [])),
    ],
)
def test_examinations(text: str, expected: tuple[list[str], list[str]]) -> None:
    assert _striving(text) == expected


def test_an_animals_struggle_is_not_an_achievement_outcome() -> None:
    text = "The dog was lying on the road. The dog was trying to stand up but it couldn't."
    assert _striving(text) == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I broke my glasses.", ["M4, D"]),  # loss of or damage to a possession
        ("My new dress was ripped.", ["M4, D"]),
        ("Our car was demolished.", ["M4, D"]),
        ("I broke my arm.", ["M5, D"]),  # injury
        ("We were caught in a flood.", ["M3, D"]),  # threat from the environment
        ("I was hurt that he didn't ask my name.", []),  # a feeling, not an injury
        ("I was dead tired after the dance.", []),
        ("I didn't know where I was.", ["M1, D"]),  # being lost
        ("It became impossible for me to enter the water.", ["M1, D"]),
        ("The doctor told me I was going to die.", ["M5, D"]),  # a threat of death
        ("I stood on the edge of a cliff and I was terrified.", ["M3, D"]),
        ("The car crashed into a store window.", []),  # nobody's misfortune named
        ("I crashed into a store window.", ["M4, D"]),  # a crash damages the car
    ],
)
def test_misfortune_classes(text: str, expected: list[str]) -> None:
    assert _card(text)["misfortune"] == expected


def test_relief_at_a_passed_danger_is_good_fortune_but_not_on_waking() -> None:
    assert _card("The witch was gone and I felt relieved.")["good_fortune"] == ["GF, D"]
    assert _card("I woke up and was relieved it was a dream.")["good_fortune"] == []


def test_the_trigger_scan_follows_the_document_it_is_given() -> None:
    """The one-report scan cache must never answer for another report."""
    from core.analysis.hvdc.cast import build_cast
    from core.analysis.hvdc.fortune import code_fortunes, code_striving
    from core.analysis.hvdc.text import segment

    texts = ["I tried to open the door but couldn't.", "The house burned down. I fell."]
    pairs = [(doc, build_cast(doc)) for doc in map(segment, texts)]
    alone = [[c.code for c in code_fortunes(d, c) + code_striving(d, c)] for d, c in pairs]
    crossed = [
        [c.code for c in code_fortunes(*pairs[0])],
        [c.code for c in code_fortunes(*pairs[1])],
    ]
    crossed[0] += [c.code for c in code_striving(*pairs[0])]
    crossed[1] += [c.code for c in code_striving(*pairs[1])]
    assert alone == crossed
    assert alone[0] == ["FL, D"] and "M2, D" in alone[1]


@pytest.mark.parametrize(
    "text",
    [
        "I looked for my friend at the party, but I couldn't find him.",
        "I wanted to change the diapers, but I couldn't find any clean ones.",
    ],
)
def test_finding_nobody_or_none_is_a_mishap_not_a_failure(text: str) -> None:
    card = _card(text)
    assert card["failure"] == [] and card["misfortune"] == ["M1, D"]


def test_failing_to_find_ones_own_thing_stays_a_failure() -> None:
    assert _striving("I couldn't find my locker and I was late.")[1] == ["FL, D"]


def test_two_strivings_of_different_people_are_two_failures() -> None:
    text = (
        "My father, his friends and I were out in the woods. We ran and ran trying to keep up "
        "with the dogs, but we could never catch them. "
        "He fell down and I tried to help him up, but couldn't."
    )
    failures = sorted(_striving(text)[1])
    assert len(failures) == 2 and failures[0] == "FL, D"
    assert failures[1].startswith("FL, D + 1MFA + 2")  # the friends' sex is the cast's call


def test_a_failure_told_again_is_counted_once() -> None:
    text = (
        "Lois and I were trying to find the red beads, but we were unable to find them. "
        "We laughed at being the only ones who couldn't find the red beads."
    )
    assert len(_striving(text)[1]) == 1


def test_a_search_started_after_couldnt_find_decides_the_outcome() -> None:
    text = "It was dark and I couldn't find my books. I looked and looked for them upstairs."
    assert _striving(text) == ([], [])
    text = (
        "I couldn't find my home at all. It wasn't where it should have been. "
        "I hunted up and down the street and still couldn't find it."
    )
    assert _striving(text) == ([], ["FL, D"])


def test_a_passive_outcome_belongs_to_its_agent_or_the_dreamer() -> None:
    text = "I went through all my jumps on the ice. They were all executed flawlessly."
    assert _striving(text) == (["SU, D"], [])


def test_an_animal_that_does_not_yield_makes_the_striving_fail() -> None:
    text = (
        "A big cat jumped on my clothing. I kept running up and down the street trying to "
        "throw him clear of myself, but he remained where he was."
    )
    assert _striving(text) == ([], ["FL, D"])


def test_horror_at_a_dead_animal_is_no_threat() -> None:
    text = "My dog had been killed by a car. I was horrified and quite broken up about it."
    assert "M3, D" not in _card(text)["misfortune"]


def test_another_characters_loss_seen_without_her_search_is_a_mishap() -> None:
    card = _card("My sister was slow to get ready, then she could not find her purse.")
    assert card["failure"] == [] and card["misfortune"] == ["M1, 1FTA"]
    text = "My sister looked for her purse everywhere, but she could not find it."
    assert _card(text)["failure"] == ["FL, 1FTA"]


@pytest.mark.parametrize(
    "text",
    [
        "A thief stole my car. He was never caught.",  # his escape, not his failure
        "The train managed to slow down just in time.",  # a thing's, not a character's
        "It succeeded in keeping me off the stairs.",
        "The CDs would not play correctly.",
        "My horse won the race.",  # an animal's win is no character's striving
    ],
)
def test_an_outcome_word_without_a_character_striving_is_not_coded(text: str) -> None:
    assert _striving(text) == ([], [])


def test_the_dreamers_own_win_is_still_a_success() -> None:
    assert _striving("I won the race.") == (["SU, D"], [])
