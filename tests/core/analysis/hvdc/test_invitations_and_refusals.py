"""Invitations and visits (friendliness 5) whatever verb asks, and kindness withheld
(rejection, aggression 3) by someone the words name only by a pronoun or not at all."""

from __future__ import annotations

import pytest

from core.analysis.hvdc import code_dream
from core.analysis.hvdc.parse import SentenceParser


def codes(text: str, category: str, parser: SentenceParser) -> list[str]:
    return [c.code for c in code_dream(text, parser=parser).of(category)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked along to go, come or join in: an invitation
        ("I met a girl at the beach. She asked me to come to her cottage.", ["1FKA 5> D"]),
        ("My brother asked me out.", ["1MBA 5> D"]),
        ("My brother asked me out. Later my brother asked me out again.", ["1MBA 5> D"]),
        # a coming meant to see someone is a visit
        ("My brother came here to Cleveland to see me.", ["1MBA 5> D"]),
        # help asked for, a question, a request only planned: no invitation
        ("I asked my brother to help me.", []),
        ("I asked my brother why he was there.", []),
        ("I wanted to ask my brother to come.", []),
        ("My brother didn't ask me to dance.", []),
        # a kindness refused is no kindness
        ("My brother refused to help me.", []),
    ],
)
def test_invitations(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I met a woman. She wouldn't sell me a ticket.", ["1FSA 3> D"]),
        ("I was lost. No one would let me call home.", ["Q 3> D"]),
        ("I met some girls. They seemed unwilling to allow me in.", ["2FUA 3> D"]),
    ],
)
def test_withheld_kindness_is_rejection(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "aggression", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attacks and restraint named by verbs the lexicon lacked
        ("I saw a man. He lunged at me.", ["1MSA 7> D"]),
        ("I saw a man. He dragged me into the car.", ["1MSA 6> D"]),
        ("I saw a man. He dragged a log across the field.", []),
        ("I saw some men. They locked me in the closet.", ["2MUA 6> D"]),
        ("I was held prisoner by a man.", ["1MSA 6> D"]),
        # a phrasal act on a thing is no one's aggression
        ("I met a man. He jumped on the bus.", []),
        ("I met a man. He laughed at the joke.", []),
        # an attacker who fires unseen is the coders' Q
        ("Once or twice I was hit by bullets.", ["Q 7> D"]),
    ],
)
def test_attacks_and_restraint(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "aggression", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I met my boyfriend. He was stroking my hair.", ["1MKA 6> D"]),
        ("I met a man. He defended me.", ["1MSA 4> D"]),
        ("I met a man. He walked me home.", ["1MSA 5> D"]),  # seeing someone home: an outing
        ("I was held prisoner by a man.", []),  # held captive is no embrace
    ],
)
def test_affection_help_and_outings(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a friend of mine" does it, not "mine"; "helped me find": "me" is helped
        ("I was in the gym. A friend of mine helped me find my locker.", ["1IKA 4> D"]),
        # the dreamer received the act with the one named before her
        ("My father was commending my sister and me.", ["1MFA 2> D + 1FTA"]),
    ],
)
def test_who_is_helped_and_praised(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


def test_acting_on_ones_own_thing_is_no_interaction(parser: SentenceParser) -> None:
    text = "I met a man. I reach for my journal and knock my pen onto the floor."
    assert codes(text, "aggression", parser) == []


def test_bit_by_bit_is_no_bite(parser: SentenceParser) -> None:
    assert codes("I met a man. It got better bit by bit.", "aggression", parser) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is said insults or dismisses someone: verbal aggression, whatever the verb
        ('I met a man. He said, "Don\'t be silly."', ["1MSA 2> D"]),
        ("I met a man. He replied shortly no, her legs are too fat.", ["1MSA 2> D"]),
        # said of a thing, or of oneself: no aggression
        ("I met a man. He said the food was terrible.", []),
        ("I told my mother I must be going crazy.", []),
    ],
)
def test_hostile_speech(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "aggression", parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause's passive receiver is the noun it describes
        ("I was going to visit my father who was put in prison.", ["Q 6> 1MFA"]),
        ("I saw a man. He aimed the camera at the sky.", []),  # aimed at a thing
    ],
)
def test_confinement_and_aim(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "aggression", parser) == expected


def test_a_goodbye_is_verbal_friendliness(parser: SentenceParser) -> None:
    assert codes("I met my aunt. I said goodbye to her.", "friendliness", parser) == ["D 2> 1FRA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # help whose object stands inside the phrase
        ("I went upstairs with a boy. He picked me up.", ["1MKA 4> D"]),
        ("I went to my grandmother's place and she took me in for a week.", ["1FRA 4> D"]),
        # things picked up are no one helped
        ("My glasses had fallen off so I went back to pick them up.", []),
    ],
)
def test_help_told_around_its_object(
    parser: SentenceParser, text: str, expected: list[str]
) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # a phrasal verb split by its personal object
        ("I met my mother. She cheered me up.", "friendliness", ["1FMA 4> D"]),
        ("I met my mother. She told me off.", "aggression", ["1FMA 2> D"]),
        # sent away is no gift
        ("I met my mother. She sent me away.", "friendliness", []),
    ],
)
def test_split_phrasal_verbs(
    parser: SentenceParser, text: str, category: str, expected: list[str]
) -> None:
    assert codes(text, category, parser) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kind words about someone, whatever verb reports them
        ("I saw the conductor. I said I thought the conductor was very clever.", ["D 2> 1MOA"]),
        ("I met Joan. I told her how lucky she was.", ["D 2> 1FKA"]),
        ("I met Joan. I wished her the best of everything.", ["D 2> 1FKA"]),
        # praise of a thing, or told to someone about a thing
        ("I met a man. He said the house was lovely.", []),
        ("I told mother that a natural straw would be nice.", []),
    ],
)
def test_praise(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # held back is restraint, not an embrace
        ("I tried to get out, but the people held me back.", "aggression", ["2JSA 6> D"]),
        ("I tried to get out, but the people held me back.", "friendliness", []),
        # the dreamer's calls on others are not coded; time spent together and visits to her are
        ("I went to visit my father.", "friendliness", []),
        ("My father came to visit me.", "friendliness", ["1MFA 5> D"]),
    ],
)
def test_restraint_and_visits(
    parser: SentenceParser, text: str, category: str, expected: list[str]
) -> None:
    assert codes(text, category, parser) == expected


def test_coming_over_to_someone_is_an_approach(parser: SentenceParser) -> None:
    assert codes("I met Alma. Alma came over to me.", "friendliness", parser) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a favour told with two objects, the person first
        ("A girlfriend of mine got me a blind date.", ["1FKA 4> D"]),
        ("It made me a little sick.", []),
        ("I met George. I asked George to order me a drink.", []),  # asked for, not done
    ],
)
def test_favours_with_two_objects(parser: SentenceParser, text: str, expected: list[str]) -> None:
    assert codes(text, "friendliness", parser) == expected


def test_a_finite_clause_keeps_its_own_subject(parser: SentenceParser) -> None:
    # the parser hangs "animals" on "space" and "trying" on "falling": the dreamer is no grabber
    text = (
        "I was falling through space and weird animals were trying to grab me while I was falling."
    )
    assert codes(text, "aggression", parser) == ["2ANI 6> D"]


def test_a_favour_only_asked_about_is_none(parser: SentenceParser) -> None:
    assert codes("I ask Wally if he can buy us some alcohol.", "friendliness", parser) == []
