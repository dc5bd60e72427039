"""Any response shape a provider may send — an HTML page with status 200, an empty or truncated
body, JSON of another schema — ends in the next link of the chain, never in a crash.

Regression: an HTML body served with 200 reached ``message.usage`` as a ``str`` in the Anthropic
backend (AttributeError) and skipped the offline fallback.
"""

from __future__ import annotations

import pytest

from tests.core.llm.conftest import ChainFactory, dream_context
from tests.fakes.llm_server import FakeLLMServer, Reply

HTML = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"

SHAPES = {
    "html-200": Reply(raw_body=HTML, content_type="text/html"),
    "html-as-json": Reply(raw_body=HTML),
    "empty": Reply(raw_body=""),
    "truncated": Reply(raw_body='{"id": "x", "content": [{"type": "tool_use", "inp'),
    "null": Reply(raw_body="null"),
    "a-list": Reply(raw_body="[1, 2, 3]"),
    "a-string": Reply(raw_body='"just a string"'),
    "wrong-schema": Reply(raw_body='{"id": "x", "type": "message", "content": "text"}'),
    "content-not-blocks": Reply(raw_body='{"type": "message", "content": [1, null, "x"]}'),
    "tool-input-not-object": Reply(
        raw_body='{"id": "m", "type": "message", "role": "assistant", "model": "m", '
        '"content": [{"type": "tool_use", "id": "t", "name": "record_interpretation", '
        '"input": "oops"}], "stop_reason": "tool_use", "stop_sequence": null, '
        '"usage": {"input_tokens": 1, "output_tokens": 1}}'
    ),
    "error-500-html": Reply(status=500, raw_body=HTML, content_type="text/html"),
}


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
async def test_any_anthropic_response_shape_falls_to_offline(
    fake_llm: FakeLLMServer, make_chain: ChainFactory, shape: str
) -> None:
    fake_llm.script("chat", Reply.error(500))
    fake_llm.script("messages", SHAPES[shape])

    result = await make_chain().interpret(dream_context())

    assert result.model_used == "offline"
    assert len(fake_llm.requests_to("messages")) == 1


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
async def test_any_openai_response_shape_falls_to_anthropic(
    fake_llm: FakeLLMServer, make_chain: ChainFactory, shape: str
) -> None:
    fake_llm.script("chat", SHAPES[shape])

    result = await make_chain().interpret(dream_context())

    assert result.model_used == "anthropic:claude-3-5-haiku-latest"
