"""Update de-duplication: twins are dropped, but an update never finished is handled again."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.types import TelegramObject, Update
from redis.asyncio import Redis

from bot.middlewares.dedup import HANDLING_LEASE_SECONDS, DeduplicateUpdatesMiddleware
from core.cache import RedisCache


@pytest.fixture
def prefix() -> str:
    return f"test-dedup-{uuid.uuid4().hex}:"


@pytest.fixture
async def cache(redis_url: str, prefix: str) -> AsyncIterator[RedisCache]:
    redis = Redis.from_url(redis_url)
    yield RedisCache(redis, prefix=prefix)
    keys = [key async for key in redis.scan_iter(match=f"{prefix}*")]
    if keys:
        await redis.delete(*keys)
    await redis.aclose()


def _update(update_id: int) -> Update:
    return Update(update_id=update_id)


async def test_a_handled_update_delivered_again_is_dropped(cache: RedisCache) -> None:
    middleware = DeduplicateUpdatesMiddleware(cache)
    calls: list[int] = []

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        assert isinstance(event, Update)
        calls.append(event.update_id)
        return "ok"

    assert await middleware(handler, _update(7), {}) == "ok"
    assert await middleware(handler, _update(7), {}) is None
    assert calls == [7]
    assert await cache.get("tg:update:0:7") == "handled"


async def test_an_update_whose_handler_raised_is_handled_when_delivered_again(
    cache: RedisCache,
) -> None:
    middleware = DeduplicateUpdatesMiddleware(cache)
    calls: list[int] = []

    async def crashing(event: TelegramObject, data: dict[str, Any]) -> None:
        calls.append(1)
        raise RuntimeError("the process fell over mid-update")

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        calls.append(2)
        return "stored"

    with pytest.raises(RuntimeError):
        await middleware(crashing, _update(8), {})
    assert await middleware(handler, _update(8), {}) == "stored"
    assert calls == [1, 2]


async def test_an_update_left_mid_handling_holds_only_a_short_lease(
    cache: RedisCache, redis_url: str, prefix: str
) -> None:
    """A killed process never settles its update: the key it leaves expires with the lease,
    not after the 24 hours a handled update is remembered."""
    await cache.add("tg:update:0:9", "handling", HANDLING_LEASE_SECONDS)
    middleware = DeduplicateUpdatesMiddleware(cache)

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        return "twin"

    assert await middleware(handler, _update(9), {}) is None  # still within the lease
    redis = Redis.from_url(redis_url)
    try:
        assert 0 < await redis.ttl(f"{prefix}tg:update:0:9") <= HANDLING_LEASE_SECONDS
    finally:
        await redis.aclose()
