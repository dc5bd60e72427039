"""QueueWorker: arq's start checks in one atomic claim per poll, none for jobs it runs itself."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.constants import in_progress_key_prefix
from arq.worker import func

from workers.queue import ArqJobQueue
from workers.queue_worker import QueueWorker


@pytest.fixture
async def pool(redis_url: str) -> AsyncIterator[ArqRedis]:
    redis = await create_pool(RedisSettings.from_dsn(redis_url))
    yield redis
    await redis.aclose()


class Holder:
    """A job that stays running until released, noting who started it."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.running = asyncio.Event()
        self.release = asyncio.Event()

    async def hold(self, ctx: dict[str, Any], name: str) -> None:
        self.started.append(name)
        self.running.set()
        await self.release.wait()


def _worker(pool: ArqRedis, queue: str, holder: Holder, **options: Any) -> QueueWorker:
    return QueueWorker(
        functions=[func(holder.hold, name="hold")],
        redis_pool=pool,
        queue_name=queue,
        handle_signals=False,
        **options,
    )


async def _queued_ids(pool: ArqRedis, queue: str) -> list[bytes]:
    return await pool.zrangebyscore(queue, min=float("-inf"), max=float("inf"))


async def test_worker_starts_free_jobs_and_skips_jobs_running_elsewhere(pool: ArqRedis) -> None:
    queue = f"test-queue:{uuid.uuid4().hex}"
    holder = Holder()
    worker = _worker(pool, queue, holder)
    mine, theirs = f"{queue}:mine", f"{queue}:theirs"
    await pool.enqueue_job("hold", "mine", _job_id=mine, _queue_name=queue)
    await pool.enqueue_job("hold", "theirs", _job_id=theirs, _queue_name=queue)
    await pool.set(in_progress_key_prefix + theirs, b"1", px=60_000)
    try:
        await worker.start_jobs(await _queued_ids(pool, queue))
        await asyncio.wait_for(holder.running.wait(), timeout=5)

        assert holder.started == ["mine"]
        assert worker.job_counter == 1
    finally:
        holder.release.set()
        await asyncio.gather(*worker.tasks.values())
        await pool.delete(in_progress_key_prefix + theirs, queue)
        await worker.close()


async def test_own_running_job_costs_no_redis_round_trip_on_the_next_poll(
    pool: ArqRedis,
) -> None:
    queue = f"test-queue:{uuid.uuid4().hex}"
    holder = Holder()
    worker = _worker(pool, queue, holder)
    await pool.enqueue_job("hold", "mine", _job_id=f"{queue}:mine", _queue_name=queue)
    try:
        ids = await _queued_ids(pool, queue)
        await worker.start_jobs(ids)
        await asyncio.wait_for(holder.running.wait(), timeout=5)
        pipelines: list[bool] = []
        original = pool.pipeline
        pool.pipeline = lambda *a, **kw: pipelines.append(True) or original(*a, **kw)  # type: ignore[method-assign]

        await worker.start_jobs(ids)  # the next poll reads the same, still running, job

        assert pipelines == []
        assert holder.started == ["mine"]
        assert worker.job_counter == 1
    finally:
        holder.release.set()
        await asyncio.gather(*worker.tasks.values())
        await pool.delete(queue)
        await worker.close()


async def test_two_workers_reading_the_same_ids_never_start_one_job_twice(
    pool: ArqRedis,
) -> None:
    queue = f"test-queue:{uuid.uuid4().hex}"
    holder = Holder()
    workers = [_worker(pool, queue, holder, max_jobs=3) for _ in range(2)]
    names = [f"job{i}" for i in range(5)]
    for name in names:
        await pool.enqueue_job("hold", name, _job_id=f"{queue}:{name}", _queue_name=queue)
    try:
        ids = await _queued_ids(pool, queue)
        await asyncio.gather(*(w.start_jobs(ids) for w in workers))
        await asyncio.wait_for(_until(lambda: len(holder.started) == 5), timeout=5)

        assert sorted(holder.started) == names
        assert sorted(w.job_counter for w in workers) == [2, 3]  # max_jobs caps each claim
        assert not set(workers[0].tasks) & set(workers[1].tasks)
    finally:
        holder.release.set()
        for worker in workers:
            await asyncio.gather(*worker.tasks.values())
            await worker.close()
        await pool.delete(queue)


async def test_a_deferred_job_is_not_claimed_before_its_time(pool: ArqRedis) -> None:
    queue = f"test-queue:{uuid.uuid4().hex}"
    holder = Holder()
    worker = _worker(pool, queue, holder)
    later = f"{queue}:later"
    await pool.enqueue_job("hold", "later", _job_id=later, _queue_name=queue, _defer_by=60)
    try:
        await worker.start_jobs(await _queued_ids(pool, queue))

        assert worker.job_counter == 0 and not worker.tasks
        assert not await pool.exists(in_progress_key_prefix + later)
    finally:
        await pool.delete(queue)
        await worker.close()


async def _until(condition: Any) -> None:
    while not condition():  # noqa: ASYNC110  (the jobs start on the loop; a tick is enough)
        await asyncio.sleep(0)


#: Far longer than any assertion below waits: a job starting in time was woken, not polled.
NEVER_POLLS_S = 60.0


async def test_an_idle_worker_starts_a_new_job_when_it_is_enqueued(
    pool: ArqRedis, redis_url: str
) -> None:
    async with _listening_worker(pool, redis_url) as (_, holder, queue):
        await queue.enqueue("hold", "new", job_id=f"{queue.queue_name}:new")

        await asyncio.wait_for(holder.running.wait(), timeout=5)
        assert holder.started == ["new"]


async def test_a_full_worker_takes_the_next_queued_job_as_soon_as_a_slot_frees(
    pool: ArqRedis,
) -> None:
    queue_name = f"test-queue:{uuid.uuid4().hex}"
    first, second = Holder(), Holder()
    jobs = {"first": first, "second": second}

    async def hold(ctx: dict[str, Any], name: str) -> None:
        await jobs[name].hold(ctx, name)

    worker = QueueWorker(
        functions=[func(hold, name="hold")],
        redis_pool=pool,
        queue_name=queue_name,
        handle_signals=False,
        max_jobs=1,
        idle_poll_s=NEVER_POLLS_S,
    )
    for name in jobs:  # enqueued straight into arq: no wake-up is published for these
        await pool.enqueue_job("hold", name, _job_id=f"{queue_name}:{name}", _queue_name=queue_name)
    running = asyncio.create_task(worker.async_run())
    try:
        await asyncio.wait_for(first.running.wait(), timeout=5)
        assert not second.started

        first.release.set()

        await asyncio.wait_for(second.running.wait(), timeout=5)
    finally:
        first.release.set()
        second.release.set()
        await _stop(worker, running)
        await pool.delete(queue_name)


async def _noop(ctx: Any) -> None:
    """Only its name matters: the queue refuses job names it does not know."""


async def _stop(worker: QueueWorker, running: asyncio.Task[None]) -> None:
    await asyncio.gather(*worker.tasks.values(), return_exceptions=True)
    await worker.close()
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running


async def test_a_worker_listens_again_after_redis_drops_its_subscription(
    pool: ArqRedis, redis_url: str
) -> None:
    async with _listening_worker(pool, redis_url) as (worker, holder, queue):
        await pool.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
        await asyncio.wait_for(_until(lambda: not worker.listening.is_set()), timeout=5)

        await asyncio.wait_for(worker.listening.wait(), timeout=10)  # resubscribed
        await queue.enqueue("hold", "after", job_id=f"{queue.queue_name}:after")

        await asyncio.wait_for(holder.running.wait(), timeout=5)
        assert holder.started == ["after"]


@contextlib.asynccontextmanager
async def _listening_worker(
    pool: ArqRedis, redis_url: str
) -> AsyncIterator[tuple[QueueWorker, Holder, ArqJobQueue]]:
    """A running worker that never polls on its own, subscribed to its queue's wake-ups."""
    queue_name = f"test-queue:{uuid.uuid4().hex}"
    holder = Holder()
    worker = _worker(pool, queue_name, holder, idle_poll_s=NEVER_POLLS_S)
    queue = await ArqJobQueue.connect(redis_url, {"hold": _noop}, queue_name)
    running = asyncio.create_task(worker.async_run())
    try:
        await asyncio.wait_for(worker.listening.wait(), timeout=5)
        yield worker, holder, queue
    finally:
        holder.release.set()
        await _stop(worker, running)
        await queue.close()
        await pool.delete(queue_name)
