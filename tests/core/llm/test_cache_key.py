"""An answer names the cache entry it is kept under, so deleting the account can erase it."""

from __future__ import annotations

from core.cache import MemoryCache
from tests.core.llm.conftest import ChainFactory, StubOffline, dream_context
from tests.fakes.llm_server import FakeLLMServer


async def test_an_llm_answer_and_its_cache_hit_name_the_same_cache_entry(
    fake_llm: FakeLLMServer, make_chain: ChainFactory
) -> None:
    cache = MemoryCache()
    chain = make_chain(cache=cache)

    first = await chain.interpret(dream_context())
    second = await chain.interpret(dream_context())

    assert first.cache_key is not None and first.cache_key.startswith("llm_cache:")
    assert second.cache_key == first.cache_key
    assert await cache.get(first.cache_key) is not None


async def test_an_offline_answer_names_no_cache_entry(
    fake_llm: FakeLLMServer, make_chain: ChainFactory
) -> None:
    chain = make_chain(offline=StubOffline(), chain="offline")

    result = await chain.interpret(dream_context())

    assert result.model_used == "offline"
    assert result.cache_key is None
