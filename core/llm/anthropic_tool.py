"""One Anthropic call whose answer is forced through a single tool.

Claude has no strict JSON mode; a tool whose ``input_schema`` is the answer schema, with
``tool_choice`` naming that tool, makes the answer arrive as the tool's JSON input. The
interpretation and the HVdC coder both ask this way; each maps the SDK's errors to its own.
"""

from __future__ import annotations

from typing import Any

import anthropic
from anthropic.types import Message


async def ask_with_forced_tool(
    client: anthropic.AsyncAnthropic,
    *,
    model: str,
    system: str,
    user: str,
    tool: str,
    description: str,
    schema: dict[str, Any],
    max_tokens: int,
) -> Message:
    """The model's message; the SDK's errors propagate for the caller to map."""
    return await client.messages.create(
        model=model,
        max_tokens=max_tokens,
        system=system,
        messages=[{"role": "user", "content": user}],
        tools=[{"name": tool, "description": description, "input_schema": schema}],
        tool_choice={"type": "tool", "name": tool},
    )


def tool_answer(message: object, tool: str) -> tuple[str | dict[str, Any], int, int]:
    """The forced tool's input (a dict, else its text; "" when the tool was not called) and the
    input/output token counts.

    The SDK hands back whatever the server sent when it is not a message (an HTML page served
    with status 200 arrives as a ``str``): that is :class:`NotAMessage`, nothing else assumed.
    """
    if not isinstance(message, Message):
        raise NotAMessage(type(message).__name__)
    usage = message.usage.model_dump() if message.usage is not None else {}
    tokens = token_count(usage, "input_tokens"), token_count(usage, "output_tokens")
    for block in message.content or ():
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == tool:
            data = getattr(block, "input", None)
            # A non-object input fails the caller's schema check, as malformed.
            return (data if isinstance(data, dict) else str(data)), *tokens
    return "", *tokens


class NotAMessage(Exception):
    """The server's answer was not a messages response."""


def token_count(usage: dict[str, Any], key: str) -> int:
    """A token count from a provider's usage object; 0 when missing or not a count."""
    value = usage.get(key)
    return value if isinstance(value, int) and value >= 0 else 0
