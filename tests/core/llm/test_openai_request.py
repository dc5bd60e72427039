"""The OpenAI backend sends exactly the request ``chat.completions.create`` would send.

It posts through the SDK's generic ``post`` (skipping the per-call parameter transform, which
has nothing to convert in plain JSON); the body, path and headers that reach the server must not
differ from the typed method's.
"""

from __future__ import annotations

import openai

from core.llm.prompting import Prompt
from core.llm.providers import OpenAIBackend
from core.llm.schema import answer_json_schema
from tests.fakes.llm_server import FakeLLMServer

PROMPT = Prompt(
    system="You read dreams.", user="I was flying over [PERSON_1]'s house.", locale="en"
)


async def test_the_posted_request_equals_the_typed_methods() -> None:
    async with FakeLLMServer() as server:
        client = openai.AsyncOpenAI(api_key="sk-test", base_url=server.openai_base_url)
        try:
            answer = await OpenAIBackend(client, "gpt-4o-mini").complete(
                PROMPT, max_tokens=700, temperature=0.6
            )
            await client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[
                    {"role": "system", "content": PROMPT.system},
                    {"role": "user", "content": PROMPT.user},
                ],
                response_format={
                    "type": "json_schema",
                    "json_schema": {
                        "name": "dream_interpretation",
                        "strict": True,
                        "schema": answer_json_schema(),
                    },
                },
                max_tokens=700,
                temperature=0.6,
            )
        finally:
            await client.close()
        ours, typed = server.requests_to("chat")
    assert answer.payload and answer.input_tokens > 0
    assert ours.path == typed.path
    assert ours.body == typed.body
    assert ours.headers.get("content-type") == typed.headers.get("content-type")
