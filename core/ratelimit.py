"""Per-key rate limits (token buckets): in memory, or in Redis so all processes share them."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from redis.asyncio import Redis


class RateLimiter(Protocol):
    async def allow(self, key: str) -> bool:
        """Take one token for ``key``; False when the bucket is empty."""
        ...


class MemoryRateLimiter:
    """Token bucket per key: ``rate`` tokens per second, at most ``burst`` saved up."""

    def __init__(
        self,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ):
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    async def allow(self, key: str) -> bool:
        now = self._clock()
        tokens, updated = self._buckets.get(key, (float(self._burst), now))
        tokens = min(float(self._burst), tokens + (now - updated) * self._rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        if len(self._buckets) >= self._max_keys and key not in self._buckets:
            self._buckets.clear()  # a flood of new keys: forget everybody rather than grow
        self._buckets[key] = (tokens, now)
        return allowed


# The bucket update runs inside Redis so concurrent processes cannot both spend the last token.
_TOKEN_BUCKET_LUA = """
local key = KEYS[1]
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', key, 'tokens', tokens, 'ts', now)
redis.call('EXPIRE', key, math.ceil(burst / rate) + 1)
return allowed
"""


class RedisRateLimiter:
    """The same token bucket, atomic in Redis (Lua), shared across processes."""

    def __init__(
        self,
        redis: Redis,
        rate: float,
        burst: int,
        prefix: str = "oneiro:rl:",
        clock: Callable[[], float] = time.time,
    ):
        self._redis = redis
        self._rate = rate
        self._burst = burst
        self._prefix = prefix
        self._clock = clock
        self._script = redis.register_script(_TOKEN_BUCKET_LUA)

    async def allow(self, key: str) -> bool:
        result = await self._script(
            keys=[self._prefix + key], args=[self._rate, self._burst, self._clock()]
        )
        return bool(int(result))
