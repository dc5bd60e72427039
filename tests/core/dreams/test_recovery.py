"""Lost analysis jobs are found again and never run twice: the sweeper re-queues only dreams
stuck in ``queued``/``analyzing`` past their deadline, and a job claims its dream first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tortoise.timezone import now

from core.db.models import Dream, DreamStatus, User
from core.dreams.claims import Claim, claim_dream
from core.dreams.sweeper import SWEPT, SweepPolicy, count_stuck, sweep_once

POLICY = SweepPolicy(queued_after_s=60, analyzing_after_s=150, interval_s=1)


class RecordingQueue:
    """A job queue that remembers what was asked, with the queue's de-duplication by id."""

    def __init__(self) -> None:
        self.jobs: dict[str, tuple[str, tuple[Any, ...]]] = {}

    async def enqueue(self, function: str, *args: Any, job_id: str | None = None) -> bool:
        assert job_id is not None
        if job_id in self.jobs:
            return False
        self.jobs[job_id] = (function, args)
        return True

    async def wait(self, job_id: str) -> None:
        return None

    async def close(self) -> None:
        return None


async def _dream(user: User, status: DreamStatus, age_s: float, **fields: Any) -> Dream:
    dream = await Dream.create(user=user, text="A dream.", status=status, **fields)
    await Dream.filter(id=dream.id).update(updated_at=now() - timedelta(seconds=age_s))
    return await Dream.get(id=dream.id)


async def test_only_dreams_stuck_past_their_deadline_are_requeued(database: str) -> None:
    user = await User.create(telegram_id=42, language="ru")
    lost = await _dream(user, DreamStatus.QUEUED, 120, status_message_id=7)
    died = await _dream(user, DreamStatus.ANALYZING, 600)
    for status, age in [
        (DreamStatus.QUEUED, 5),  # its job may still be starting
        (DreamStatus.ANALYZING, 60),  # its job is still within its lease
        (DreamStatus.WAITING_FOR_CREDIT, 10_000),  # waits for the user, not for us
        (DreamStatus.AWAITING_CONFIRMATION, 10_000),
        (DreamStatus.ANALYZED, 10_000),
        (DreamStatus.FAILED, 10_000),
    ]:
        await _dream(user, status, age)
    queue = RecordingQueue()

    assert await count_stuck(POLICY) == 2
    assert await sweep_once(queue, POLICY) == 2

    queued = {args[0]: args for _, args in queue.jobs.values()}
    assert set(queued) == {str(lost.id), str(died.id)}
    _, delivery, origin = queued[str(lost.id)]
    assert delivery == {"chat_id": 42, "status_message_id": 7, "locale": "ru"}
    assert origin == SWEPT
    assert await sweep_once(queue, POLICY) == 0, "a second sweep in the window queues no twin"


async def test_a_job_claims_its_dream_once_and_a_dead_holder_is_replaced(database: str) -> None:
    user = await User.create(telegram_id=43)
    dream = await _dream(user, DreamStatus.QUEUED, 0)

    assert await claim_dream(dream, "job-a", lease_s=100, swept=False) is Claim.FRESH
    twin = await Dream.get(id=dream.id)
    assert await claim_dream(twin, "job-b", lease_s=100, swept=False) is Claim.HELD
    assert await claim_dream(twin, "job-a", lease_s=100, swept=False) is Claim.RESUMED

    await Dream.filter(id=dream.id).update(updated_at=now() - timedelta(seconds=500))
    stale = await Dream.get(id=dream.id)
    assert await claim_dream(stale, "sweep-1", lease_s=100, swept=True) is Claim.RESUMED
    assert (await Dream.get(id=dream.id)).analysis_job == "sweep-1"


async def test_two_jobs_racing_for_one_read_of_a_dream_claim_it_once(database: str) -> None:
    user = await User.create(telegram_id=44)
    dream = await _dream(user, DreamStatus.QUEUED, 0)
    first, second = await Dream.get(id=dream.id), await Dream.get(id=dream.id)

    outcomes = [
        await claim_dream(first, "job-a", lease_s=100, swept=False),
        await claim_dream(second, "job-b", lease_s=100, swept=False),
    ]
    assert outcomes == [Claim.FRESH, Claim.HELD]


async def test_a_swept_job_leaves_alone_what_is_no_longer_stuck(database: str) -> None:
    user = await User.create(telegram_id=45)
    for status in (DreamStatus.ANALYZED, DreamStatus.WAITING_FOR_CREDIT, DreamStatus.FAILED):
        dream = await _dream(user, status, 10_000)
        assert await claim_dream(dream, "sweep", lease_s=100, swept=True) is Claim.SKIPPED
