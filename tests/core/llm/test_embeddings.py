"""OpenAI embeddings through the real SDK against the fake (base64 on the wire)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import openai
import pytest

from core.llm.embeddings import embed_openai
from core.llm.errors import ProviderError
from core.llm.retry import RetryPolicy, no_sleep
from tests.fakes.llm_server import FakeLLMServer, Reply, _vector_for


@pytest.fixture
async def client(fake_llm: FakeLLMServer) -> AsyncIterator[openai.AsyncOpenAI]:
    sdk = openai.AsyncOpenAI(
        api_key="sk-test", base_url=fake_llm.openai_base_url, timeout=0.2, max_retries=0
    )
    yield sdk
    await sdk.close()


async def test_vectors_come_back_decoded_and_in_order(
    fake_llm: FakeLLMServer, client: openai.AsyncOpenAI
) -> None:
    vectors = await embed_openai(client, ["water", "home"])

    assert vectors == [
        pytest.approx(_vector_for("water", 8)),
        pytest.approx(_vector_for("home", 8)),
    ]
    assert fake_llm.requests_to("embeddings")[0].body["encoding_format"] == "base64"
    assert fake_llm.requests_to("embeddings")[0].body["model"] == "text-embedding-3-small"


async def test_a_server_error_is_retried(
    fake_llm: FakeLLMServer, client: openai.AsyncOpenAI
) -> None:
    fake_llm.script("embeddings", Reply.error(502))

    vectors = await embed_openai(client, ["water"], retry=RetryPolicy(attempts=2, sleep=no_sleep))

    assert len(vectors) == 1 and len(fake_llm.requests_to("embeddings")) == 2


async def test_persistent_failure_raises_provider_error(
    fake_llm: FakeLLMServer, client: openai.AsyncOpenAI
) -> None:
    fake_llm.script("embeddings", Reply.stall(1.0), Reply.stall(1.0))

    with pytest.raises(ProviderError):
        await embed_openai(
            client, ["water"], retry=RetryPolicy(attempts=2, sleep=no_sleep), timeout_s=0.1
        )
