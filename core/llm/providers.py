"""Provider backends over the official SDKs: one call that returns the model's structured answer.

* OpenAI and any OpenAI-compatible server (Ollama, vLLM, LM Studio via ``OPENAI_BASE_URL``):
  chat completions with ``response_format={"type": "json_schema", strict}``.
* Anthropic: messages with one tool whose ``input_schema`` is the answer schema and
  ``tool_choice`` forcing that tool, so the answer arrives as the tool's JSON input.

SDK exceptions become :class:`ProviderError` (``transient`` for timeouts, connection errors,
408/409/429/5xx) so that the retry loop and the chain see one error family.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import anthropic
import openai

from core.llm.anthropic_tool import NotAMessage, ask_with_forced_tool, token_count, tool_answer
from core.llm.config import LLMSettings
from core.llm.errors import MalformedAnswerError, ProviderError
from core.llm.prompting import Prompt
from core.llm.schema import answer_json_schema

ANSWER_TOOL = "record_interpretation"
_TRANSIENT_STATUS = frozenset({408, 409, 429})
_REASONING_PREFIXES = ("o1", "o3", "o4", "gpt-5")


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """The model's answer before validation, with the tokens it cost."""

    payload: str | dict[str, Any]
    input_tokens: int
    output_tokens: int


class Backend(Protocol):
    """One provider and model."""

    provider: str
    model: str

    async def complete(self, prompt: Prompt, *, max_tokens: int, temperature: float) -> RawAnswer:
        """Send the prompt; raise :class:`ProviderError` on any failure."""
        ...


def _is_transient(status: int) -> bool:
    return status >= 500 or status in _TRANSIENT_STATUS


class OpenAIBackend:
    """Chat completions with strict JSON-schema structured output."""

    provider = "openai"

    def __init__(self, client: openai.AsyncOpenAI, model: str) -> None:
        self._client = client
        self.model = model

    async def complete(self, prompt: Prompt, *, max_tokens: int, temperature: float) -> RawAnswer:
        # Reasoning models (o-series, gpt-5) take max_completion_tokens and no temperature;
        # compatible servers (Ollama, vLLM) know max_tokens best.
        limits: dict[str, Any] = (
            {"max_completion_tokens": max_tokens}
            if self.model.startswith(_REASONING_PREFIXES)
            else {"max_tokens": max_tokens, "temperature": temperature}
        )
        body = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": prompt.system},
                {"role": "user", "content": prompt.user},
            ],
            "response_format": {
                "type": "json_schema",
                "json_schema": {
                    "name": "dream_interpretation",
                    "strict": True,
                    "schema": answer_json_schema(),
                },
            },
            **limits,
        }
        try:
            # The SDK's generic POST: the same request as ``chat.completions.create`` sends for
            # this body (plain JSON, nothing to convert), without its per-call parameter
            # transform (~0.9 ms CPU); the answer as its decoded JSON (``cast_to=object``), not
            # built into a ChatCompletion (~0.6 ms more, of which three fields are read).
            response = await self._client.post("/chat/completions", body=body, cast_to=object)
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            raise ProviderError(
                f"openai unreachable: {type(exc).__name__}", transient=True
            ) from exc
        except openai.APIStatusError as exc:
            raise ProviderError(
                f"openai HTTP {exc.status_code}", transient=_is_transient(exc.status_code)
            ) from exc
        except (openai.APIResponseValidationError, ValueError) as exc:
            raise MalformedAnswerError(f"openai response unreadable: {type(exc).__name__}") from exc
        except openai.OpenAIError as exc:  # the SDK's root: anything else it may raise
            raise ProviderError(f"openai failed: {type(exc).__name__}", transient=False) from exc
        return _chat_answer(response)


def _chat_answer(response: object) -> RawAnswer:
    """The message content and token counts of a chat completion's JSON body."""
    body: dict[str, Any] = response if isinstance(response, dict) else {}
    choices = body.get("choices")
    if not choices or not isinstance(choices, list):
        raise MalformedAnswerError("openai answered without choices")
    message = choices[0].get("message") if isinstance(choices[0], dict) else None
    if not isinstance(message, dict):
        raise MalformedAnswerError("openai answered a choice without a message")
    if message.get("refusal"):
        raise ProviderError("openai refused the request", transient=False)
    content = message.get("content") or ""
    if not isinstance(content, str):
        raise MalformedAnswerError("openai answered a message without text content")
    usage = body.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    return RawAnswer(
        content, token_count(usage, "prompt_tokens"), token_count(usage, "completion_tokens")
    )


class AnthropicBackend:
    """Messages with a forced tool whose input schema is the answer schema."""

    provider = "anthropic"

    def __init__(self, client: anthropic.AsyncAnthropic, model: str) -> None:
        self._client = client
        self.model = model

    async def complete(self, prompt: Prompt, *, max_tokens: int, temperature: float) -> RawAnswer:
        # ``temperature`` is not sent: the installed SDK (2.x) no longer accepts it and the
        # models' default suits a reflective text.
        try:
            message = await ask_with_forced_tool(
                self._client,
                model=self.model,
                system=prompt.system,
                user=prompt.user,
                tool=ANSWER_TOOL,
                description="Record the interpretation of the dream.",
                schema=answer_json_schema(),
                max_tokens=max_tokens,
            )
        except (anthropic.APITimeoutError, anthropic.APIConnectionError) as exc:
            raise ProviderError(
                f"anthropic unreachable: {type(exc).__name__}", transient=True
            ) from exc
        except anthropic.APIStatusError as exc:
            raise ProviderError(
                f"anthropic HTTP {exc.status_code}", transient=_is_transient(exc.status_code)
            ) from exc
        except (anthropic.APIResponseValidationError, ValueError) as exc:
            raise MalformedAnswerError(
                f"anthropic response unreadable: {type(exc).__name__}"
            ) from exc
        except anthropic.AnthropicError as exc:  # the SDK's root: anything else it may raise
            raise ProviderError(f"anthropic failed: {type(exc).__name__}", transient=False) from exc
        return _tool_answer(message)


def _tool_answer(message: object) -> RawAnswer:
    """The forced tool call's input and the token counts of a messages response."""
    try:
        return RawAnswer(*tool_answer(message, ANSWER_TOOL))
    except NotAMessage as exc:
        raise MalformedAnswerError(f"anthropic answered a {exc}, not a message") from exc


def openai_client(settings: LLMSettings) -> openai.AsyncOpenAI | None:
    """A client for OpenAI or a compatible server, or None when neither key nor URL is set."""
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    if not key and not settings.openai_base_url:
        return None
    timeout = openai.Timeout(settings.request_timeout_s, connect=settings.connect_timeout_s)
    return openai.AsyncOpenAI(
        # Local servers (Ollama, vLLM) ignore the key, but the SDK insists on one.
        api_key=key or "not-needed",
        base_url=settings.openai_base_url or None,
        timeout=timeout,
        max_retries=0,
        # aiohttp under the SDK (its own `aiohttp` transport): ~1 ms less CPU per call than
        # httpx's, measured on the analysis worker; the product already runs on aiohttp.
        http_client=openai.DefaultAioHttpClient(timeout=timeout),
    )


def anthropic_client(settings: LLMSettings) -> anthropic.AsyncAnthropic | None:
    """A client for Anthropic, or None without a key."""
    if settings.anthropic_api_key is None:
        return None
    timeout = anthropic.Timeout(settings.request_timeout_s, connect=settings.connect_timeout_s)
    return anthropic.AsyncAnthropic(
        api_key=settings.anthropic_api_key.get_secret_value(),
        base_url=settings.anthropic_base_url or None,
        timeout=timeout,
        max_retries=0,
        http_client=anthropic.DefaultAioHttpClient(timeout=timeout),
    )
