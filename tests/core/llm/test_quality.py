"""Quality checks of an answer: grounding, medical claims, language, leaks, length, confidence."""

from __future__ import annotations

import pytest

from core.analysis.hvdc.types import Code, Coding
from core.interpret.types import SymbolHit
from core.llm.errors import QualityRejectedError
from core.llm.pricing import Usage
from core.llm.prompting import CANARY, system_prompt
from core.llm.quality import check_answer, ground_symbols, script_share
from core.llm.schema import LLMAnswer, SymbolEvidence
from core.llm.scrubbing import ScrubbedDream, scrub_context
from tests.core.llm.conftest import DREAM_RU, dream_context

EN_TEXT = (
    "The rivers in your dream may stand for feelings in motion, and the search for a way home "
    "suggests a wish for safety while things around you change."
)


def scrubbed(
    text: str = "I swam across two rivers and lost my keys near the old house.", **kw: object
) -> ScrubbedDream:
    return scrub_context(dream_context(text=text, **kw), 6000)


def llm_answer(**changes: object) -> LLMAnswer:
    values: dict[str, object] = {
        "summary": "A dream of crossing rivers.",
        "interpretation": EN_TEXT,
        "symbols": [SymbolEvidence(key="river", evidence="rivers")],
        "archetypes": ["Hero", "hero"],
        "mood": "mixed",
    }
    values.update(changes)
    return LLMAnswer.model_validate(values)


def check(answer: LLMAnswer, dream: ScrubbedDream | None = None) -> object:
    dream = dream or scrubbed()
    return check_answer(answer, dream, system_prompt(dream.context.locale), Usage())


@pytest.mark.parametrize(
    ("evidence", "grounded"),
    [
        ("rivers", True),
        ("River", True),
        ("the old houses", True),
        ("a green snake", False),
        ("lost the key", True),
    ],
)
def test_symbol_evidence_must_occur_in_the_dream_up_to_word_endings(
    evidence: str, grounded: bool
) -> None:
    kept, dropped = ground_symbols([SymbolEvidence(key="x", evidence=evidence)], scrubbed())

    assert bool(kept) is grounded and bool(dropped) is not grounded


def test_russian_evidence_matches_another_case_of_the_word() -> None:
    dream = scrubbed(DREAM_RU, locale="ru")

    kept, _ = ground_symbols([SymbolEvidence(key="water", evidence="вода")], dream)

    assert [s.key for s in kept] == ["water"]


def test_symbol_grounded_by_hvdc_coding_or_dictionary_is_kept() -> None:
    coding = Coding([Code("objects", "NA", (0, 5), "a tall tower")])
    hit = SymbolHit("moon", "Moon", "", (), (0, 0), "")
    dream = scrubbed("Something loomed over me.", coding=coding, symbols=(hit,))

    kept, dropped = ground_symbols(
        [
            SymbolEvidence(key="tower", evidence="tall tower"),
            SymbolEvidence(key="Moon", evidence="the sky"),
        ],
        dream,
    )

    assert [s.key for s in kept] == ["tower", "moon"] and dropped == []


def test_dropped_symbol_lowers_confidence_and_archetypes_are_normalised() -> None:
    clean = check(llm_answer())
    with_hallucination = check(
        llm_answer(
            symbols=[
                SymbolEvidence(key="river", evidence="rivers"),
                SymbolEvidence(key="snake", evidence="snake"),
            ]
        )
    )

    assert with_hallucination.dropped_symbols == ["snake"]
    assert with_hallucination.confidence < clean.confidence
    assert clean.answer.archetypes == ["hero"]
    assert 0.05 <= with_hallucination.confidence < clean.confidence <= 0.95


@pytest.mark.parametrize(
    "claim",
    [
        "It sounds like you have clinical depression and should see someone.",
        "This could help diagnose what is going on with your sleep and mood.",
        "Perhaps an anxiety disorder is behind the rising water in this dream.",
    ],
)
def test_medical_or_diagnostic_statement_is_rejected(claim: str) -> None:
    with pytest.raises(QualityRejectedError) as error:
        check(llm_answer(interpretation=f"{EN_TEXT} {claim}"))

    assert error.value.reasons == ["medical_claim"]


def test_russian_diagnosis_is_rejected() -> None:
    text = "Вода во сне говорит о чувствах. Похоже, у вас депрессия, и стоит подумать о лечении у врача."

    with pytest.raises(QualityRejectedError, match="medical_claim"):
        check(
            llm_answer(summary="Сон о воде и дороге.", interpretation=text),
            scrubbed(DREAM_RU, locale="ru"),
        )


def test_medical_word_the_dreamer_used_may_be_echoed() -> None:
    dream = scrubbed("I forgot my medication on the train and the rivers flooded the station.")

    report = check(
        llm_answer(interpretation=f"{EN_TEXT} Forgetting the medication may point to worry."), dream
    )

    assert report.confidence > 0


def test_answer_in_the_wrong_language_is_rejected() -> None:
    with pytest.raises(QualityRejectedError, match="wrong_language"):
        check(llm_answer(), scrubbed(DREAM_RU, locale="ru"))


def test_placeholders_do_not_count_against_the_russian_script_share() -> None:
    assert script_share("[PERSON_1] и [PERSON_2] шли вдоль реки", "ru") == 1.0


@pytest.mark.parametrize(
    "leak", [CANARY, "Make no medical, psychiatric or diagnostic statements: do not name disorders"]
)
def test_system_prompt_leak_is_rejected(leak: str) -> None:
    with pytest.raises(QualityRejectedError, match="system_prompt_leak"):
        check(llm_answer(interpretation=f"{EN_TEXT} {leak}"))


@pytest.mark.parametrize("interpretation", ["Too short.", "word " * 1200])
def test_interpretation_out_of_length_bounds_is_rejected(interpretation: str) -> None:
    with pytest.raises(QualityRejectedError, match="interpretation_length"):
        check(llm_answer(interpretation=interpretation))


def test_rejection_carries_the_spent_usage() -> None:
    usage = Usage(100, 50, 0.001)

    with pytest.raises(QualityRejectedError) as error:
        check_answer(
            llm_answer(interpretation="Too short."), scrubbed(), system_prompt("en"), usage
        )

    assert error.value.usage == usage


def test_archetypes_are_limited_to_our_dictionary_keys() -> None:
    report = check(
        llm_answer(archetypes=["The Shadow", "anima", "Animus", "great mother", "ego-death"])
    )

    assert report.answer.archetypes == ["shadow", "anima_animus", "great_mother"]


def test_mood_spelling_is_normalised() -> None:
    assert llm_answer(mood=" Mixed ").mood == "mixed"
