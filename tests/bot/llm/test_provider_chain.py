"""A dream told to the bot is interpreted by the first healthy provider of the default chain —
OpenAI, then Anthropic, then the offline interpreter — and the user is charged once either way."""

from __future__ import annotations

import pytest

from core.db.models import DreamEmbedding
from core.llm.embeddings import EMBEDDING_MODEL
from tests.bot.harness import Product
from tests.bot.llm.conftest import ANTHROPIC_KEY, LLM_TIMEOUT_S, OPENAI_EMBEDDING_DIM, OPENAI_KEY
from tests.bot.llm.flow import assert_delivered_and_paid_once, outcome_of, tell_dream
from tests.fakes.llm_server import DEFAULT_ANSWER, FakeLLMServer, Reply

CHAT = 5005
DREAM = (
    "I was swimming in dark water near my grandmother's house. A big snake followed me and I "
    "was terrified, but my brother pulled me out of the water and we laughed together."
)
#: Longer than any client timeout by far: only a working timeout gets the user an answer.
STALL_S = 30.0


async def test_openai_answers_and_the_user_reads_its_interpretation(
    product: Product, llm_env: FakeLLMServer
) -> None:
    text = await tell_dream(product, CHAT, DREAM)

    assert DEFAULT_ANSWER["interpretation"][:40] in text
    assert "Interpreted by: openai:gpt-4o-mini" in text
    outcome = await outcome_of(CHAT)
    assert outcome.analysis.model_used.startswith("openai:")
    assert outcome.analysis.tokens_used == 200
    assert_delivered_and_paid_once(outcome)
    [chat] = llm_env.requests_to("chat")
    assert chat.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert llm_env.requests_to("messages") == []


async def test_the_dream_is_embedded_with_openai_when_its_key_is_set(
    product: Product, llm_env: FakeLLMServer
) -> None:
    await tell_dream(product, CHAT, DREAM)

    [request] = llm_env.requests_to("embeddings")
    assert request.body["model"] == EMBEDDING_MODEL
    assert request.body["encoding_format"] == "base64"
    outcome = await outcome_of(CHAT)
    stored = await DreamEmbedding.get(dream_id=outcome.dream.id)
    assert stored.model == f"openai:{EMBEDDING_MODEL}"
    assert stored.dim == OPENAI_EMBEDDING_DIM


async def test_openai_500_falls_to_anthropic(product: Product, llm_env: FakeLLMServer) -> None:
    llm_env.script("chat", Reply.error(500))

    text = await tell_dream(product, CHAT, DREAM)

    assert "Interpreted by: anthropic:" in text
    outcome = await outcome_of(CHAT)
    assert outcome.analysis.model_used.startswith("anthropic:")
    assert_delivered_and_paid_once(outcome)
    assert len(llm_env.requests_to("chat")) == 1, "the SDK must not retry behind the chain"
    [message] = llm_env.requests_to("messages")
    assert ANTHROPIC_KEY in message.headers.get("x-api-key", "") + message.headers.get(
        "authorization", ""
    )


@pytest.mark.parametrize(
    ("openai_reply", "anthropic_reply"),
    [
        (Reply.error(500), Reply.error(529)),
        (Reply.stall(STALL_S), Reply.stall(STALL_S)),
        (Reply(raw_content="{not json"), Reply(raw_body="{broken")),
    ],
    ids=["http-500", "timeout", "malformed-json"],
)
async def test_both_providers_failing_still_delivers_offline_and_charges_once(
    product: Product, llm_env: FakeLLMServer, openai_reply: Reply, anthropic_reply: Reply
) -> None:
    llm_env.script("chat", openai_reply)
    llm_env.script("messages", anthropic_reply)

    text = await tell_dream(product, CHAT, DREAM)

    assert "Interpreted by: built-in interpreter" in text
    assert "snake" in text.lower(), "the offline reading still names the dream's symbols"
    outcome = await outcome_of(CHAT)
    assert outcome.analysis.model_used == "offline"
    assert_delivered_and_paid_once(outcome)
    assert len(llm_env.requests_to("chat")) == 1
    assert len(llm_env.requests_to("messages")) == 1
    # Two client timeouts, not the stall: the user waited for neither provider's silence.
    assert outcome.analysis.latency_ms < 1000 * min(STALL_S, 2 * LLM_TIMEOUT_S + 5)
