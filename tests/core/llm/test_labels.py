"""The source label and AI disclosure, in both languages."""

from __future__ import annotations

from core.interpret.types import Interpretation
from core.llm.labels import ai_disclosure, source_label

LLM_ANSWER = Interpretation(
    summary="s", text="t", model_used="openai:gpt-4o-mini", sources=["llm", "hvdc"]
)
OFFLINE_ANSWER = Interpretation(summary="s", text="t", model_used="offline", sources=["hvdc"])


def test_llm_answer_is_labelled_with_its_model_and_disclosed() -> None:
    assert source_label(LLM_ANSWER, "ru") == "Толкование ИИ (openai:gpt-4o-mini)"
    assert source_label(LLM_ANSWER, "en") == "AI interpretation (openai:gpt-4o-mini)"
    assert ai_disclosure(LLM_ANSWER, "ru").startswith("Написано моделью ИИ")


def test_offline_answer_has_no_ai_disclosure() -> None:
    assert source_label(OFFLINE_ANSWER, "ru") == "Офлайн-толкование"
    assert ai_disclosure(OFFLINE_ANSWER, "en") == ""
