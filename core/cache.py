"""A small key-value cache with TTLs: in memory for the embedded default, Redis in production.

Used for update de-duplication, lunar and LLM caches. Both implementations behave the same, so
callers (and tests) cannot tell them apart.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

#: What a shared store (Redis) raises when it is away: callers that can do without it for a
#: moment (de-duplication, rate limits) catch these and carry on.
CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, OSError)


class Cache(Protocol):
    """String values with a time-to-live, and an atomic "set if absent"."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, ttl: int) -> None: ...

    async def add(self, key: str, value: str, ttl: int) -> bool:
        """Set ``key`` only if it is absent; True when this call set it (atomic)."""
        ...

    async def delete(self, key: str) -> None: ...


class MemoryCache:
    """A bounded in-process cache (LRU eviction) with per-key expiry."""

    def __init__(self, max_items: int = 50_000, clock: Callable[[], float] = time.monotonic):
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._max_items = max_items
        self._clock = clock

    def _live(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None:
            return None
        expires_at, value = item
        if expires_at <= self._clock():
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return value

    async def get(self, key: str) -> str | None:
        return self._live(key)

    async def set(self, key: str, value: str, ttl: int) -> None:
        self._items[key] = (self._clock() + ttl, value)
        self._items.move_to_end(key)
        while len(self._items) > self._max_items:
            self._items.popitem(last=False)

    async def add(self, key: str, value: str, ttl: int) -> bool:
        if self._live(key) is not None:
            return False
        await self.set(key, value, ttl)
        return True

    async def delete(self, key: str) -> None:
        self._items.pop(key, None)


class RedisCache:
    """The same cache on Redis, shared by every process of a deployment."""

    def __init__(self, redis: Redis, prefix: str = ""):
        self._redis = redis
        self._prefix = prefix

    async def get(self, key: str) -> str | None:
        value = await self._redis.get(self._prefix + key)
        return value.decode() if isinstance(value, bytes) else value

    async def set(self, key: str, value: str, ttl: int) -> None:
        await self._redis.set(self._prefix + key, value, ex=ttl)

    async def add(self, key: str, value: str, ttl: int) -> bool:
        return bool(await self._redis.set(self._prefix + key, value, ex=ttl, nx=True))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)
