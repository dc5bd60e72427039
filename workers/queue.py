"""The arq side of the job interface: enqueue into Redis, and adapt arq's ``ctx`` to ours."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Mapping
from typing import Any

from arq import ArqRedis
from arq.jobs import Job, JobStatus
from arq.worker import Function, Retry, func
from redis.asyncio import ConnectionPool
from redis.exceptions import RedisError

from core.jobs import JobContext, JobFunction, QueueUnavailable, RetryJob, UnknownJob
from core.metrics import METRICS

log = logging.getLogger(__name__)

#: Where the worker keeps the services object in arq's context (one typed object, not a bag).
SERVICES_CTX_KEY = "services"
#: How often ``ArqJobQueue.wait`` asks whether a job has finished.
RESULT_POLL_SECONDS = 0.05
_UNFINISHED = frozenset({JobStatus.deferred, JobStatus.queued, JobStatus.in_progress})
REDIS_SOCKET_TIMEOUT_S = 5.0


def lazy_pool(redis_url: str, queue_name: str) -> ArqRedis:
    """An arq pool that connects on first use and again after every outage (arq's own
    ``create_pool`` pings at once and gives up after five tries)."""
    return ArqRedis(
        connection_pool=ConnectionPool.from_url(
            redis_url,
            socket_timeout=REDIS_SOCKET_TIMEOUT_S,
            socket_connect_timeout=REDIS_SOCKET_TIMEOUT_S,
            health_check_interval=30,
        ),
        default_queue_name=queue_name,
    )


def wake_channel(queue_name: str) -> str:
    """The Redis channel an enqueuer signals on so idle workers look at the queue now."""
    return f"{queue_name}:wake"


class ArqJobQueue:
    """``core.jobs.JobQueue`` on arq: same names, same ``job_id`` de-duplication."""

    def __init__(self, pool: ArqRedis, known: Mapping[str, JobFunction], queue_name: str) -> None:
        self._pool = pool
        self._known = known
        self.queue_name = queue_name

    @classmethod
    async def connect(
        cls, redis_url: str, known: Mapping[str, JobFunction], queue_name: str
    ) -> ArqJobQueue:
        """A queue on ``redis_url``; nothing is asked of Redis yet, so a process starts (and
        keeps its dreams) while Redis is away — enqueueing raises :class:`QueueUnavailable`."""
        return cls(lazy_pool(redis_url, queue_name), known, queue_name)

    @property
    def pool(self) -> ArqRedis:
        return self._pool

    async def enqueue(self, function: str, *args: Any, job_id: str | None = None) -> bool:
        if function not in self._known:
            raise UnknownJob(f"no job named {function!r}; known: {sorted(self._known)}")
        try:
            job = await self._pool.enqueue_job(
                function, *args, _job_id=job_id, _queue_name=self.queue_name
            )
        except (RedisError, OSError) as exc:
            raise QueueUnavailable(f"job {function!r} not queued: {type(exc).__name__}") from exc
        if job is None:
            return False
        try:
            await self._pool.publish(wake_channel(self.queue_name), b"1")
        except RedisError as exc:  # the job is queued; a worker's idle poll will find it
            log.warning("could not wake the workers: %s", exc)
        return True

    async def wait(self, job_id: str) -> None:
        job = Job(job_id, self._pool, _queue_name=self.queue_name)
        # arq offers no notification of finished jobs; its own Job.result polls the same way.
        while await job.status() in _UNFINISHED:  # noqa: ASYNC110
            await asyncio.sleep(RESULT_POLL_SECONDS)

    async def close(self) -> None:
        await self._pool.aclose()


def as_arq_function(name: str, job: JobFunction, *, timeout: float, max_tries: int) -> Function:
    """Wrap a core job so arq calls it with our typed :class:`JobContext`."""

    @functools.wraps(job)
    async def run(ctx: dict[str, Any], *args: Any) -> Any:
        context = JobContext(
            services=ctx[SERVICES_CTX_KEY], job_id=ctx.get("job_id"), job_try=ctx.get("job_try", 1)
        )
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await job(context, *args)
            outcome = str(result) if isinstance(result, str) else "done"
            return result
        except RetryJob as retry:
            outcome = "retry"
            raise Retry(defer=retry.defer_seconds) from retry
        finally:
            elapsed = time.perf_counter() - started
            METRICS.observe("job_seconds", elapsed, job=name, outcome=outcome)
            # No arguments in the log: they hold where a result goes (chat ids).
            log.info("job %s try %d: %s in %.2f s", name, context.job_try, outcome, elapsed)

    return func(run, name=name, timeout=timeout, max_tries=max_tries)
