"""Bounded retries with exponential backoff and full jitter, for transient provider failures.

The SDK clients are built with ``max_retries=0`` so that this is the only retry loop: its
attempts, delays and sleep function are explicit, and tests inject a sleep that does not wait.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from core.llm.errors import ProviderError

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``attempts`` calls at most; before attempt n+1 sleep ``uniform(0, min(max, base·2ⁿ))``."""

    attempts: int = 2
    base_delay_s: float = 0.5
    max_delay_s: float = 4.0
    sleep: Sleep = asyncio.sleep
    rng: Callable[[], float] = field(default=random.random)

    def delay(self, attempt: int) -> float:
        """The pause after failed attempt number ``attempt`` (1-based)."""
        ceiling = min(self.max_delay_s, self.base_delay_s * 2.0 ** (attempt - 1))
        return ceiling * self.rng()

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """Await ``call()``, retrying transient :class:`ProviderError` up to ``attempts`` times."""
        for attempt in range(1, self.attempts + 1):
            try:
                return await call()
            except ProviderError as exc:
                if not exc.transient or attempt == self.attempts:
                    raise
            await self.sleep(self.delay(attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")


async def no_sleep(_: float) -> None:
    """A sleep for tests: yields to the loop but does not wait."""
    await asyncio.sleep(0)
