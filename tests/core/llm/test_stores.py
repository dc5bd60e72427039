"""Budgets and the answer cache: in memory, and on the real Redis (``redis_url`` fixture)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.cache import MemoryCache, RedisCache
from core.interpret.types import Interpretation
from core.llm.budget import BudgetGuard, MemoryCounter, RedisCounter
from core.llm.cache import InterpretationCache
from core.llm.errors import StoreUnavailableError
from core.llm.scrubbing import scrub_context
from tests.core.llm.conftest import DREAM_EN, FakeClock, dream_context


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def test_memory_counter_adds_and_expires() -> None:
    clock = FakeClock()
    counter = MemoryCounter(clock)

    assert await counter.incr("k", 0.25, ttl=10) == 0.25
    assert await counter.incr("k", 0.5, ttl=10) == 0.75
    clock.advance(10)

    assert await counter.get("k") == 0.0


async def test_budget_is_the_smaller_of_the_users_day_and_the_services_month() -> None:
    day = datetime(2026, 3, 1, 12, tzinfo=UTC)
    guard = BudgetGuard(
        MemoryCounter(), daily_budget=lambda plan: 0.10, monthly_budget=0.15, now=lambda: day
    )

    await guard.charge("alice", 0.08)
    await guard.charge("bob", 0.05)

    assert await guard.remaining("alice", "free") == pytest.approx(0.02)
    assert await guard.remaining("carol", "free") == pytest.approx(
        0.02
    )  # the month is nearly spent
    assert await guard.remaining("bob", "free") == pytest.approx(0.02)


async def test_users_daily_budget_starts_afresh_the_next_day() -> None:
    today = [datetime(2026, 3, 1, 23, 59, tzinfo=UTC)]
    guard = BudgetGuard(
        MemoryCounter(), daily_budget=lambda plan: 0.10, monthly_budget=10.0, now=lambda: today[0]
    )
    await guard.charge("alice", 0.10)
    assert await guard.remaining("alice", "free") == 0.0

    today[0] = datetime(2026, 3, 2, 0, 1, tzinfo=UTC)

    assert await guard.remaining("alice", "free") == pytest.approx(0.10)


async def test_redis_counter_increments_atomically_with_expiry(redis: Redis) -> None:
    counter = RedisCounter(redis)
    key = f"test:llm_budget:{uuid.uuid4().hex}"
    try:
        await counter.incr(key, 0.125, ttl=60)
        assert await counter.incr(key, 0.25, ttl=60) == pytest.approx(0.375)
        assert await counter.get(key) == pytest.approx(0.375)
        assert 0 < await redis.ttl(key) <= 60
        assert await counter.get(key + ":absent") == 0.0
    finally:
        await redis.delete(key)


async def test_budgets_on_redis_read_and_charge_both_counters_in_the_namespace(
    redis: Redis,
) -> None:
    day = datetime(2026, 3, 1, 12, tzinfo=UTC)
    namespace = f"test-{uuid.uuid4().hex}:"
    guard = BudgetGuard(
        RedisCounter(redis, prefix=namespace),
        daily_budget=lambda plan: 0.10,
        monthly_budget=0.15,
        now=lambda: day,
    )
    month, today = f"{namespace}llm_budget:global:202603", f"{namespace}llm_budget:user:u1:20260301"
    try:
        await guard.charge("u1", 0.04)
        await guard.charge("u2", 0.08)

        assert float(await redis.get(month)) == pytest.approx(0.12)
        assert float(await redis.get(today)) == pytest.approx(0.04)
        assert 0 < await redis.ttl(today) <= 2 * 24 * 3600
        assert await guard.remaining("u1", "free") == pytest.approx(0.03)  # the month is tighter
        assert await guard.remaining("u3", "free") == pytest.approx(0.03)
        assert not await redis.exists("llm_budget:user:u1:20260301")  # nothing outside it
    finally:
        await redis.delete(*(await redis.keys(f"{namespace}*")))


async def test_redis_kv_stores_with_expiry(redis: Redis) -> None:
    store = RedisCache(redis)
    key = f"test:llm_cache:{uuid.uuid4().hex}"
    try:
        await store.set(key, "ответ", ttl=60)
        assert await store.get(key) == "ответ"
        assert 0 < await redis.ttl(key) <= 60
    finally:
        await redis.delete(key)


async def test_unreachable_redis_raises_store_unavailable() -> None:
    client = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    try:
        with pytest.raises(StoreUnavailableError):
            await RedisCounter(client).get("k")
        with pytest.raises(RedisError):  # one of the chain's STORE_ERRORS: the cache is skipped
            await RedisCache(client).get("k")
    finally:
        await client.aclose()


def test_cache_key_hashes_the_scrubbed_dream_and_holds_no_personal_data() -> None:
    cache = InterpretationCache(MemoryCache(), ttl_s=60, chain_version="v1")
    dream = scrub_context(dream_context(), 6000)

    key = cache.key(dream)

    prefix, digest, locale = key.split(":")
    assert (prefix, locale, len(digest)) == ("llm_cache", "en", 64)
    assert "Anna" not in key
    assert key == cache.key(
        scrub_context(dream_context(text=DREAM_EN.replace("Anna", "Olga")), 6000)
    )


def test_cache_key_changes_with_locale_chain_version_and_personal_context() -> None:
    dream = scrub_context(dream_context(), 6000)
    v1 = InterpretationCache(MemoryCache(), ttl_s=60, chain_version="v1")
    v2 = InterpretationCache(MemoryCache(), ttl_s=60, chain_version="v2")
    with_recurring = scrub_context(dream_context(recurring_symbols=("water",)), 6000)

    assert len({v1.key(dream), v2.key(dream), v1.key(with_recurring)}) == 3


async def test_cache_round_trips_an_interpretation_and_ignores_garbage() -> None:
    kv = MemoryCache()
    cache = InterpretationCache(kv, ttl_s=60, chain_version="v1")
    stored = Interpretation(
        summary="s", text="t", symbols=["water"], model_used="openai:gpt-4o-mini", confidence=0.7
    )

    await cache.save("k", stored)
    await kv.set("bad", "{not json", ttl=60)

    loaded = await cache.load("k")
    assert loaded is not None and (loaded.summary, loaded.symbols, loaded.model_used) == (
        "s",
        ["water"],
        "openai:gpt-4o-mini",
    )
    assert await cache.load("bad") is None
