"""A per-provider circuit breaker: after ``failure_threshold`` consecutive failures the provider is
skipped for ``cooldown_s``; then one probe call is let through (half-open) and its outcome closes
or re-opens the circuit. The clock is injectable so tests move time instead of waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum


class BreakerState(Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(slots=True)
class CircuitBreaker:
    """Tracks one provider's health; call :meth:`allow` before and ``record_*`` after a call."""

    failure_threshold: int = 3
    cooldown_s: float = 60.0
    clock: Callable[[], float] = field(default=time.monotonic)
    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    opened_at: float = 0.0
    _probe_in_flight: bool = False

    def allow(self) -> bool:
        """True when a call may go out now (in half-open state: only one probe at a time)."""
        if self.state is BreakerState.OPEN and self.clock() - self.opened_at >= self.cooldown_s:
            self.state = BreakerState.HALF_OPEN
            self._probe_in_flight = False
        if self.state is BreakerState.CLOSED:
            return True
        if self.state is BreakerState.HALF_OPEN and not self._probe_in_flight:
            self._probe_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self.state = BreakerState.CLOSED
        self.failures = 0
        self._probe_in_flight = False

    def record_failure(self) -> None:
        self.failures += 1
        self._probe_in_flight = False
        if self.state is BreakerState.HALF_OPEN or self.failures >= self.failure_threshold:
            self.state = BreakerState.OPEN
            self.opened_at = self.clock()

    def release(self) -> None:
        """Forget an in-flight probe whose call ended without a verdict (e.g. cancelled)."""
        self._probe_in_flight = False
