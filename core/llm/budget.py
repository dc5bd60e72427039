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


class RedisCounter:
    """A :class:`Counter` on Redis: ``INCRBYFLOAT`` and ``EXPIRE`` in one MULTI/EXEC."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def incr(self, key: str, amount: float, ttl: int) -> float:
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incrbyfloat(key, amount)
                pipe.expire(key, ttl)
                value, _ = await pipe.execute()
        except RedisError as exc:
            raise StoreUnavailableError(f"budget counter unavailable: {exc}") from exc
        return float(value)

    async def get(self, key: str) -> float:
        try:
            value = await self._redis.get(key)
        except RedisError as exc:
            raise StoreUnavailableError(f"budget counter unavailable: {exc}") from exc
        return float(value) if value is not None else 0.0


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
        left = self._monthly_budget - await self._counter.get(self._global_key())
        if user_key:
            user_left = self._daily_budget(plan) - await self._counter.get(self._user_key(user_key))
            left = min(left, user_left)
        return max(left, 0.0)

    async def charge(self, user_key: str, cost_usd: float) -> None:
        """Record spend on both budgets (no-op for free calls)."""
        if cost_usd <= 0:
            return
        await self._counter.incr(self._global_key(), cost_usd, MONTH_TTL_S)
        if user_key:
            await self._counter.incr(self._user_key(user_key), cost_usd, DAY_TTL_S)
