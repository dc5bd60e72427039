"""The two providers the LLM coder speaks to, through their official SDKs.

OpenAI (and compatible servers): chat completions with a strict JSON-schema answer.  Anthropic:
one forced tool whose input schema is the answer.  Every SDK failure becomes
:class:`CodingCallError`, which makes the coder fall back on the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import anthropic
import openai

from core.llm.anthropic_tool import NotAMessage, ask_with_forced_tool, tool_answer

from .answer import answer_schema
from .codebook import CoderPrompt

ANSWER_TOOL = "record_hvdc_codes"


class CodingCallError(Exception):
    """The provider did not answer (timeout, connection, HTTP error, refusal)."""


@dataclass(frozen=True, slots=True)
class RawCoding:
    """The model's answer before the notation check, with the tokens it cost."""

    payload: str | dict[str, Any]
    input_tokens: int
    output_tokens: int


class CodingBackend(Protocol):
    """One provider and model that answers a coding prompt."""

    provider: str
    model: str

    async def ask(self, prompt: CoderPrompt, *, max_tokens: int) -> RawCoding: ...

    async def aclose(self) -> None: ...


class OpenAICoding:
    """Chat completions, temperature 0, answer constrained by the schema."""

    provider = "openai"

    def __init__(self, client: openai.AsyncOpenAI, model: str) -> None:
        self._client, self.model = client, model

    async def aclose(self) -> None:
        await self._client.close()

    async def ask(self, prompt: CoderPrompt, *, max_tokens: int) -> RawCoding:
        try:
            response = await self._client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": prompt.system},
                    {"role": "user", "content": prompt.user},
                ],
                response_format={
                    "type": "json_schema",
                    "json_schema": {
                        "name": "hvdc_codes",
                        "strict": True,
                        "schema": answer_schema(),
                    },
                },
                max_tokens=max_tokens,
                temperature=0,
            )
        except openai.OpenAIError as exc:
            raise CodingCallError(f"openai: {type(exc).__name__}") from exc
        if not response.choices:
            raise CodingCallError("openai answered without choices")
        message = response.choices[0].message
        if message.refusal:
            raise CodingCallError("openai refused")
        usage = response.usage
        tokens = (usage.prompt_tokens, usage.completion_tokens) if usage else (0, 0)
        return RawCoding(message.content or "", *tokens)


class AnthropicCoding:
    """Messages with one forced tool carrying the codes."""

    provider = "anthropic"

    def __init__(self, client: anthropic.AsyncAnthropic, model: str) -> None:
        self._client, self.model = client, model

    async def aclose(self) -> None:
        await self._client.close()

    async def ask(self, prompt: CoderPrompt, *, max_tokens: int) -> RawCoding:
        try:
            message = await ask_with_forced_tool(
                self._client,
                model=self.model,
                system=prompt.system,
                user=prompt.user,
                tool=ANSWER_TOOL,
                description="Record the HVdC codes of the dream report.",
                schema=answer_schema(),
                max_tokens=max_tokens,
            )
        except anthropic.AnthropicError as exc:
            raise CodingCallError(f"anthropic: {type(exc).__name__}") from exc
        try:
            return RawCoding(*tool_answer(message, ANSWER_TOOL))
        except NotAMessage as exc:
            raise CodingCallError(f"anthropic answered a {exc}") from exc
