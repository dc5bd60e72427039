"""How an interpretation was made, in the user's language: a short source label and the AI
disclosure shown under LLM answers (users should know a model wrote the text)."""

from __future__ import annotations

from core.i18n import gettext_for
from core.interpret.types import Interpretation


def source_label(result: Interpretation, locale: str) -> str:
    """E.g. "AI interpretation (openai:gpt-4o-mini)" or "Offline interpretation"."""
    _ = gettext_for(locale)
    if result.model_used == "offline" or "llm" not in result.sources:
        return _("Offline interpretation")
    return _("AI interpretation ({model})").format(model=result.model_used)


def model_label(model_used: str, locale: str) -> str:
    """The interpreter's name for a reply's footer: the built-in one in the user's language,
    an LLM by its own model name (a name, like DreamBank, is not translated)."""
    if not model_used or model_used == "offline":
        return gettext_for(locale)("built-in interpreter")
    return model_used


def ai_disclosure(result: Interpretation, locale: str) -> str:
    """The note under an LLM answer; empty for offline ones."""
    if "llm" not in result.sources:
        return ""
    _ = gettext_for(locale)
    return _(
        "Written by an AI model from your dream with names and contacts removed. It is a "
        "reflection, not advice on health."
    )
