"""Specifications of the offline HVdC coder on the hard cases of real reports."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from core.analysis.hvdc import CATEGORIES, Coding, code_dream


def _codes(text: str, category: str) -> list[str]:
    return code_dream(text).card()[category]


def test_negated_emotion_is_not_coded() -> None:
    assert _codes("I was not afraid of the dark hallway.", "emotions") == []
    assert _codes("I wasn't scared at all.", "emotions") == []


def test_stated_emotion_of_the_dreamer_is_coded() -> None:
    assert _codes("I was very frightened when the door opened.", "emotions") == ["AP, D"]


def test_reported_speech_emotion_belongs_to_the_speaker() -> None:
    codes = _codes("My sister came in. She said she was scared.", "emotions")
    assert codes == ["AP, 1FTA"]


def test_emotion_caused_in_the_dreamer_is_the_dreamers() -> None:
    assert _codes("The noise frightened me.", "emotions") == ["AP, D"]


def test_friends_dog_is_an_animal_that_bites_the_dreamer() -> None:
    coding = code_dream("My friend's dog bit me on the leg.")
    assert "1ANI" in coding.card()["characters"]
    assert coding.card()["aggression"] == ["1ANI 7> D"]


def test_group_of_people_is_one_plural_character() -> None:
    assert _codes("A group of people were standing on the corner.", "characters") == ["2JSA"]


def test_character_mentioned_twice_is_coded_once() -> None:
    text = "A man came into the room. The man sat down and he smiled."
    assert _codes(text, "characters") == ["1MSA"]


def test_another_man_is_a_second_character() -> None:
    text = "A man came into the room. Then another man came in."
    assert _codes(text, "characters") == ["1MSA", "1MSA"]


def test_family_members_are_familiar_and_strangers_are_not() -> None:
    codes = _codes("My mother and a strange woman were talking in the kitchen.", "characters")
    assert codes == ["1FMA", "1FSA"]


def test_someone_elses_mother_is_known_not_the_dreamers() -> None:
    assert _codes("I met my boyfriend's mother.", "characters") == ["1MKA", "1FKA"]


def test_stated_age_sets_the_age_class() -> None:
    assert _codes("My sister (16) was with me.", "characters") == ["1FTT"]


def test_we_is_the_dreamer_not_a_new_character() -> None:
    assert _codes("We walked home together.", "characters") == []


def test_chased_by_is_aggression_against_the_dreamer() -> None:
    assert _codes("I was chased by a policeman.", "aggression") == ["1MOA 6> D"]


def test_gift_to_the_dreamer_is_friendliness() -> None:
    assert _codes("My father gave me a watch.", "friendliness") == [
        "1MFA 3> D"
    ]  # F3: a gift or loan


def test_own_room_is_a_familiar_indoor_setting() -> None:
    assert _codes("I was sitting in my room reading.", "settings") == ["IF"]


def test_strange_outdoor_place_is_unfamiliar() -> None:
    assert _codes("I was walking along a road in a strange town.", "settings") == ["OU"]


def test_every_code_points_at_its_evidence() -> None:
    text = "I was afraid because a big dog chased me down the street."
    coding = code_dream(text)
    assert coding.supported
    for code in coding.codes:
        if code.span is not None:
            start, end = code.span
            assert text[start:end] == code.evidence


def test_empty_and_whitespace_reports_are_unsupported() -> None:
    for text in ("", "   \n\t "):
        coding = code_dream(text)
        assert (coding.supported, coding.reason) == (False, "empty")
        assert coding.codes == []


def test_russian_report_goes_to_the_russian_coder() -> None:
    coding = code_dream("Мне снилось, что я летаю над городом и мне страшно.")
    assert (coding.supported, coding.language) == (True, "ru")
    assert "AP, D" in coding.card()["emotions"]


def test_the_dreams_language_wins_over_the_lang_argument() -> None:
    coding = code_dream("I was in my room.", lang="ru")
    assert (coding.supported, coding.language) == (True, "en")


def test_a_script_neither_coder_reads_is_unsupported() -> None:
    coding = code_dream("我梦见我在飞。")
    assert (coding.supported, coding.reason) == (False, "unsupported_language")


@pytest.mark.parametrize(
    "unit",
    [
        "I was afraid when my mother said she saw a man with a dog in our house. ",
        "I went into the house. I went outside to the street. ",
        "we were afraid and my sister hit him and we ran and the man chased us and ",
        "My friend Betty and my cousin (29) Jack came (and left) ",
    ],
)
def test_hundred_thousand_character_report_is_coded(unit: str) -> None:
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    coding = code_dream(text)
    assert coding.supported
    assert coding.codes


def test_odd_strings_never_raise() -> None:
    for text in (
        "...",
        "I",
        "(((",
        "\x00\x01",
        "she he they it we",
        "'s 's",
        "1234 5678",
        "I was (",
        "Mr. . Mrs.",
        "\u2019s \u201chello\u201d",
    ):
        assert isinstance(code_dream(text), Coding)


def test_card_has_all_thirteen_categories() -> None:
    assert set(code_dream("I was at home.").card()) == set(CATEGORIES)


def test_we_share_an_emotion_with_the_companion() -> None:
    text = "My sister and I were walking home. We were very frightened."
    assert _codes(text, "emotions") == ["AP, D + 1FTA"]


def test_refusal_is_rejection_of_the_dreamer() -> None:
    text = "I asked my brother to help me, but he refused."
    assert _codes(text, "aggression") == ["1MBA 3> D"]


def test_romantic_kiss_is_sexuality_not_friendliness() -> None:
    coding = code_dream("My boyfriend kissed me.").card()
    assert (coding["sexuality"], coding["friendliness"]) == (["1MKA 3> D"], [])


def test_coordinated_groups_are_one_mixed_group() -> None:
    assert _codes("The boys and girls were dancing.", "characters") == ["2JKA"]


def test_person_first_named_in_an_aside_is_not_a_character() -> None:
    text = "I was home alone (my sister was away at camp) and read a book."
    assert _codes(text, "characters") == []


def test_named_street_and_bare_institution_are_familiar() -> None:
    assert _codes("I was walking up Euclid Avenue.", "settings") == ["OF"]
    assert _codes("I was in church with many others.", "settings") == ["IF"]


def test_blocked_without_striving_is_an_obstacle() -> None:
    assert _codes("I couldn't cross the street because of the cars.", "misfortune") == ["M1, D"]


def test_striving_that_fails_is_failure_and_one_that_works_is_success() -> None:
    assert _codes("I tried to call my father, but I couldn't.", "failure") == ["FL, D"]
    text = "I tried hard to open the door. Finally I managed to open it."
    assert _codes(text, "success") == ["SU, D"]


def test_death_of_a_family_member_is_coded_for_her() -> None:
    assert "M6, 1FMA" in _codes("My mother was killed in an accident.", "misfortune")


def test_feared_injury_is_not_a_misfortune() -> None:
    assert _codes("I was afraid he might get hurt.", "misfortune") == []


def test_language_tags_are_normalised() -> None:
    assert code_dream("I was at home.", lang="en-US").supported
    assert code_dream("I was at home.", lang="EN").supported
    assert code_dream("Я была дома.", lang="en-US").language == "ru"


def test_interviewer_written_report_treats_subject_and_she_as_the_dreamer() -> None:
    text = "Subject dreamed she was in her living room with her parents. She was afraid."
    coding = code_dream(text).card()
    assert coding["characters"] == ["2JXA"]
    assert coding["emotions"] == ["AP, D"]


def test_unlisted_name_with_an_initial_is_a_known_person() -> None:
    coding = code_dream("I was at the office. Marv C and I were talking. He kissed me.").card()
    assert coding["characters"] == ["1MKA"]
    assert coding["sexuality"] == ["1MKA 3> D"]


def test_cold_lexicons_load_once_under_concurrent_use() -> None:
    from core.analysis.hvdc import lexicon

    lexicon._CACHE.clear()  # as in a fresh worker process
    text = "I met Marv C at the office. He kissed me and I was happy."
    results: list[Coding] = []
    threads = [
        threading.Thread(target=lambda: results.append(code_dream(text)), daemon=True)
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)  # a deadlock would leave a (daemon) thread alive
    assert not any(thread.is_alive() for thread in threads)
    assert len({tuple(c.card()["characters"]) for c in results}) == 1


def test_shared_acts_are_mutual() -> None:
    assert _codes("My sister and I were fighting.", "aggression") == ["D 2= 1FTA"]
    assert _codes("My boyfriend and I were married.", "friendliness") == ["D 7= 1MKA"]
    assert _codes("Two men were shooting at each other.", "aggression") == ["2MSA 7= 2MSA"]


def _character_words() -> list[str]:
    """Every person word of the characters lexicon (``data/characters.tsv``)."""
    import core.analysis.hvdc as hvdc

    rows = (
        (Path(hvdc.__file__).parent / "data" / "characters.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    return [row.split("\t")[0] for row in rows if row and not row.startswith("#")]


def test_a_report_of_one_person_word_is_coded_without_an_error() -> None:
    """Regression: "mother" alone raised IndexError (a look-back before the first word)."""
    words = _character_words()
    assert len(words) > 100
    for word in words:
        for text in (word, f"{word.capitalize()}.", f"my {word}"):
            code_dream(text)  # the coder never raises on what a user sends
    assert _codes("mother", "characters") == ["1FMA"]
