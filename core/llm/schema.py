"""The structured answer every provider must return, and its JSON schema for the providers'
structured-output features (OpenAI ``json_schema`` strict mode, an Anthropic tool's input)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.llm.errors import MalformedAnswerError
from core.llm.pricing import Usage

Mood = Literal["positive", "negative", "mixed", "neutral"]
MAX_SYMBOLS = 8
MAX_ARCHETYPES = 5


class SymbolEvidence(BaseModel):
    """A symbol the interpretation relies on and the words of the dream it was read from."""

    model_config = ConfigDict(extra="ignore")

    key: str = Field(min_length=1, max_length=40)
    evidence: str = Field(min_length=1, max_length=200)


class LLMAnswer(BaseModel):
    """What the model must answer (validated; extra fields are ignored, missing ones fail)."""

    model_config = ConfigDict(extra="ignore")

    summary: str = Field(min_length=1)
    interpretation: str = Field(min_length=1)
    symbols: list[SymbolEvidence] = Field(default_factory=list, max_length=MAX_SYMBOLS * 2)
    archetypes: list[str] = Field(default_factory=list, max_length=MAX_ARCHETYPES * 2)
    mood: Mood = "neutral"

    @field_validator("mood", mode="before")
    @classmethod
    def _lowercase_mood(cls, value: object) -> object:
        # "Mixed" is still a mood; only the spelling differs.
        return value.strip().lower() if isinstance(value, str) else value


def answer_json_schema() -> dict[str, Any]:
    """The schema of :class:`LLMAnswer` in the strict subset the providers accept (every property
    required, no additional properties, no ``$ref``)."""
    symbol = {
        "type": "object",
        "properties": {
            "key": {"type": "string", "description": "short lowercase English symbol key"},
            "evidence": {"type": "string", "description": "exact words quoted from the dream"},
        },
        "required": ["key", "evidence"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "summary": {"type": "string", "description": "one or two sentences"},
            "interpretation": {
                "type": "string",
                "description": "the interpretation, 2-4 paragraphs",
            },
            "symbols": {"type": "array", "items": symbol},
            "archetypes": {"type": "array", "items": {"type": "string"}},
            "mood": {"type": "string", "enum": ["positive", "negative", "mixed", "neutral"]},
        },
        "required": ["summary", "interpretation", "symbols", "archetypes", "mood"],
        "additionalProperties": False,
    }


def parse_answer(raw: str | dict[str, Any], usage: Usage) -> LLMAnswer:
    """Validate a provider's output; :class:`MalformedAnswerError` (with the usage) otherwise."""
    try:
        if isinstance(raw, str):
            return LLMAnswer.model_validate_json(raw)
        return LLMAnswer.model_validate(raw)
    except ValidationError as exc:
        # The message names the failing fields only: the output may quote the dream.
        fields = sorted({".".join(str(p) for p in e["loc"]) or e["type"] for e in exc.errors()})
        raise MalformedAnswerError(
            f"answer does not match the schema: {fields}", usage=usage
        ) from None
