"""Circuit breaker and bounded retries, with a hand-moved clock and a sleep that only records."""

from __future__ import annotations

import pytest

from core.llm.breaker import BreakerState, CircuitBreaker
from core.llm.errors import ProviderError
from core.llm.retry import RetryPolicy
from tests.core.llm.conftest import FakeClock


def test_circuit_opens_after_consecutive_failures_and_probes_after_cool_down() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=2, cooldown_s=10, clock=clock)

    breaker.record_failure()
    assert breaker.allow()
    breaker.record_failure()
    assert not breaker.allow()
    clock.advance(10)
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one probe at a time
    breaker.record_success()

    assert breaker.state is BreakerState.CLOSED and breaker.allow()


def test_failed_probe_reopens_the_circuit_for_another_cool_down() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown_s=10, clock=clock)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.allow()

    breaker.record_failure()

    assert breaker.state is BreakerState.OPEN and not breaker.allow()
    clock.advance(10)
    assert breaker.allow()


def test_a_success_resets_the_failure_count() -> None:
    breaker = CircuitBreaker(failure_threshold=2, cooldown_s=10, clock=FakeClock())

    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()

    assert breaker.allow()


class Flaky:
    def __init__(self, failures: list[ProviderError]) -> None:
        self.failures = failures
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


async def test_transient_errors_are_retried_with_bounded_jittered_backoff() -> None:
    pauses: list[float] = []

    async def record(seconds: float) -> None:
        pauses.append(seconds)

    policy = RetryPolicy(
        attempts=3, base_delay_s=1.0, max_delay_s=1.5, sleep=record, rng=lambda: 1.0
    )
    call = Flaky([ProviderError("t", transient=True), ProviderError("t", transient=True)])

    assert await policy.run(call) == "ok"
    assert call.calls == 3
    assert pauses == [1.0, 1.5]  # 1·2⁰, then min(1.5, 1·2¹)


async def test_retries_stop_at_the_attempt_limit() -> None:
    policy = RetryPolicy(attempts=2, base_delay_s=0, sleep=_no_wait)
    call = Flaky([ProviderError("t", transient=True)] * 3)

    with pytest.raises(ProviderError):
        await policy.run(call)
    assert call.calls == 2


async def test_permanent_errors_are_not_retried() -> None:
    policy = RetryPolicy(attempts=5, sleep=_no_wait)
    call = Flaky([ProviderError("401", transient=False)])

    with pytest.raises(ProviderError):
        await policy.run(call)
    assert call.calls == 1


def test_jitter_stays_within_the_exponential_ceiling() -> None:
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=4.0)

    delays = [policy.delay(attempt) for attempt in range(1, 8) for _ in range(20)]

    assert all(0 <= d <= 4.0 for d in delays)


async def _no_wait(_: float) -> None:
    return None
