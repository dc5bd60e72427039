"""Caches, rate limits and the in-process job queue behave the same in memory and on Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from core.cache import Cache, MemoryCache, RedisCache
from core.jobs import InProcessJobQueue, JobContext, RetryJob, UnknownJob
from core.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from tests import services


async def _delete_keys(client: Redis, prefix: str) -> None:
    keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    if request.param == "memory":
        yield MemoryCache()
        return
    client = Redis.from_url(services.redis_url())
    prefix = f"test:{uuid.uuid4().hex}:"  # its own keys: the shared Redis is never flushed
    yield RedisCache(client, prefix=prefix)
    await _delete_keys(client, prefix)
    await client.aclose()


async def test_cache_add_sets_only_once(cache: Cache) -> None:
    assert await cache.add("update:1", "1", 60)
    assert not await cache.add("update:1", "2", 60)
    assert await cache.get("update:1") == "1"
    await cache.delete("update:1")
    assert await cache.get("update:1") is None


async def test_concurrent_adds_let_exactly_one_through(cache: Cache) -> None:
    results = await asyncio.gather(*(cache.add("race", str(i), 60) for i in range(20)))
    assert results.count(True) == 1


async def test_memory_cache_forgets_expired_and_evicts_oldest() -> None:
    clock = FakeClock()
    cache = MemoryCache(max_items=2, clock=clock)
    await cache.set("short", "1", ttl=10)
    await cache.set("b", "2", ttl=100)
    clock.now += 20
    assert await cache.get("short") is None, "expired"
    await cache.set("c", "3", ttl=100)
    await cache.set("d", "4", ttl=100)  # evicts "b", the least recently used
    assert (await cache.get("b"), await cache.get("c"), await cache.get("d")) == (None, "3", "4")


@pytest.fixture(params=["memory", "redis"])
async def limiter_and_clock(
    request: pytest.FixtureRequest,
) -> AsyncIterator[tuple[RateLimiter, FakeClock]]:
    clock = FakeClock()
    if request.param == "memory":
        yield MemoryRateLimiter(rate=1.0, burst=3, clock=clock), clock
        return
    client = Redis.from_url(services.redis_url())
    prefix = f"test:{uuid.uuid4().hex}:rl:"
    yield RedisRateLimiter(client, rate=1.0, burst=3, prefix=prefix, clock=clock), clock
    await _delete_keys(client, prefix)
    await client.aclose()


async def test_rate_limit_allows_a_burst_then_refills(
    limiter_and_clock: tuple[RateLimiter, FakeClock],
) -> None:
    limiter, clock = limiter_and_clock
    assert [await limiter.allow("u1") for _ in range(4)] == [True, True, True, False]
    assert await limiter.allow("u2"), "buckets are per key"
    clock.now += 1.0
    assert await limiter.allow("u1")
    assert not await limiter.allow("u1")


async def test_in_process_jobs_dedupe_retry_and_survive_failures() -> None:
    runs: list[tuple[str, int]] = []

    async def flaky(ctx: JobContext, name: str) -> None:
        runs.append((name, ctx.job_try))
        if name == "flaky" and ctx.job_try < 2:
            raise RetryJob(defer_seconds=0)
        if name == "broken":
            raise ValueError("a bug in a job must not kill the process")

    queue = InProcessJobQueue({"work": flaky}, services=None, max_tries=3)
    assert await queue.enqueue("work", "flaky", job_id="j1")
    assert not await queue.enqueue("work", "flaky", job_id="j1"), "same job id runs once"
    assert await queue.enqueue("work", "broken", job_id="j2")
    await queue.wait("j1")
    await queue.drain()

    assert runs.count(("flaky", 1)) == 1 and ("flaky", 2) in runs
    assert ("broken", 1) in runs and ("broken", 2) not in runs
    with pytest.raises(UnknownJob):
        await queue.enqueue("nope")
