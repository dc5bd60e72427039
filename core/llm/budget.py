"""Spending limits: a per-user daily budget and a global monthly budget, in USD.

Spend is kept in an async counter with atomic increments (:class:`Counter`: in memory for one
process and tests, Redis for the deployment). The router asks :meth:`BudgetGuard.remaining`
before each paid link, so a user near the limit is steered to cheaper models and then offline.
The check and the charge are not one transaction: two concurrent dreams of one user can overshoot
the daily budget by one answer, which is cheaper than a lock per call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.llm.errors import StoreUnavailableError

DAY_TTL_S = 2 * 24 * 3600
MONTH_TTL_S = 32 * 24 * 3600


class Counter(Protocol):
    """An async float counter with atomic increments and an expiry."""

    async def incr(self, key: str, amount: float, ttl: int) -> float:
        """Add ``amount`` to ``key`` (created at 0), keep it ``ttl`` seconds; the new value."""
        ...

    async def get(self, key: str) -> float:
        """The value of ``key``; 0 when absent or expired."""
        ...

    async def get_many(self, keys: list[str]) -> list[float]:
        """The values of ``keys`` in one round trip; 0 for absent or expired ones."""
        ...

    async def incr_many(self, items: list[tuple[str, float, int]]) -> None:
        """``incr`` each ``(key, amount, ttl)``, all in one round trip."""
        ...


class MemoryCounter:
    """A :class:`Counter` in a dict, for one process and tests (increments are atomic because
    nothing awaits between read and write)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._values: dict[str, tuple[float, float]] = {}
        self._clock = clock

    async def incr(self, key: str, amount: float, ttl: int) -> float:
        value = await self.get(key) + amount
        self._values[key] = (value, self._clock() + ttl)
        return value

    async def get(self, key: str) -> float:
        entry = self._values.get(key)
        if entry is None or entry[1] <= self._clock():
            return 0.0
        return entry[0]

    async def get_many(self, keys: list[str]) -> list[float]:
        return [await self.get(key) for key in keys]

    async def incr_many(self, items: list[tuple[str, float, int]]) -> None:
        for key, amount, ttl in items:
            await self.incr(key, amount, ttl)


class RedisCounter:
    """A :class:`Counter` on Redis: ``INCRBYFLOAT`` and ``EXPIRE`` in one MULTI/EXEC."""

    def __init__(self, redis: Redis, prefix: str = "") -> None:
        self._redis = redis
        self._prefix = prefix  # the deployment's REDIS_NAMESPACE, like every other key

    async def incr(self, key: str, amount: float, ttl: int) -> float:
        return (await self._incr([(key, amount, ttl)]))[0]

    async def incr_many(self, items: list[tuple[str, float, int]]) -> None:
        await self._incr(items)

    async def _incr(self, items: list[tuple[str, float, int]]) -> list[float]:
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                for key, amount, ttl in items:
                    pipe.incrbyfloat(self._prefix + key, amount)
                    pipe.expire(self._prefix + key, ttl)
                replies = await pipe.execute()
        except RedisError as exc:
            raise StoreUnavailableError(f"budget counter unavailable: {exc}") from exc
        return [float(value) for value in replies[::2]]

    async def get(self, key: str) -> float:
        return (await self.get_many([key]))[0]

    async def get_many(self, keys: list[str]) -> list[float]:
        try:
            values = await self._redis.mget([self._prefix + key for key in keys])
        except RedisError as exc:
            raise StoreUnavailableError(f"budget counter unavailable: {exc}") from exc
        return [float(value) if value is not None else 0.0 for value in values]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class BudgetGuard:
    """Knows how much a user (and the whole service) may still spend today / this month."""

    def __init__(
        self,
        counter: Counter,
        *,
        daily_budget: Callable[[str], float],
        monthly_budget: float,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._counter = counter
        self._daily_budget = daily_budget
        self._monthly_budget = monthly_budget
        self._now = now

    def _user_key(self, user_key: str) -> str:
        return f"llm_budget:user:{user_key}:{self._now():%Y%m%d}"

    def _global_key(self) -> str:
        return f"llm_budget:global:{self._now():%Y%m}"

    async def remaining(self, user_key: str, plan: str) -> float:
        """USD the next call may cost: the smaller of the user's and the service's leftover."""
        keys = [self._global_key()] + ([self._user_key(user_key)] if user_key else [])
        spent = await self._counter.get_many(keys)  # one round trip for both budgets
        left = self._monthly_budget - spent[0]
        if user_key:
            left = min(left, self._daily_budget(plan) - spent[1])
        return max(left, 0.0)

    async def charge(self, user_key: str, cost_usd: float) -> None:
        """Record spend on both budgets (no-op for free calls)."""
        if cost_usd <= 0:
            return
        items = [(self._global_key(), cost_usd, MONTH_TTL_S)]
        if user_key:
            items.append((self._user_key(user_key), cost_usd, DAY_TTL_S))
        await self._counter.incr_many(items)  # one round trip for both budgets
