"""Fixtures running the real product with its LLM providers pointed at the fake LLM server.

The openai and anthropic SDKs are the real ones; only the HTTP server behind them is fake. The
environment is what an operator would set (``LLM_CHAIN`` left at its default), with timeouts cut
to a fraction of a second so a stalled provider costs little wall time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests import services
from tests.bot.harness import Product, running_product
from tests.fakes.llm_server import FakeLLMServer

#: text-embedding-3-small's size: the product rejects vectors of any other length.
OPENAI_EMBEDDING_DIM = 1536
#: Client timeout of every LLM request; a scripted stall lasts far longer.
LLM_TIMEOUT_S = 0.3
OPENAI_KEY = "sk-test-openai"
ANTHROPIC_KEY = "sk-ant-test"


@pytest.fixture
async def fake_llm() -> AsyncIterator[FakeLLMServer]:
    async with FakeLLMServer(embedding_dim=OPENAI_EMBEDDING_DIM) as server:
        yield server


@pytest.fixture
def llm_env(monkeypatch: pytest.MonkeyPatch, fake_llm: FakeLLMServer) -> FakeLLMServer:
    """Both providers on the fake, the default chain, one attempt per link, no retry pause."""
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.openai_base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", fake_llm.anthropic_base_url)
    monkeypatch.delenv("LLM_CHAIN", raising=False)
    monkeypatch.delenv("LLM_CHAIN_PREMIUM", raising=False)
    monkeypatch.setenv("LLM_TIMEOUT_S", str(LLM_TIMEOUT_S))
    monkeypatch.setenv("LLM_CONNECT_TIMEOUT_S", str(LLM_TIMEOUT_S))
    monkeypatch.setenv("LLM_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("LLM_RETRY_BASE_DELAY_S", "0")
    return fake_llm


@pytest.fixture(params=["embedded", "redis"])
async def product(
    request: pytest.FixtureRequest, tmp_path: Path, llm_env: FakeLLMServer
) -> AsyncIterator[Product]:
    redis_url = services.redis_url() if request.param == "redis" else None
    async with running_product(tmp_path, redis_url) as running:
        yield running
