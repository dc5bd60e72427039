"""The arq side of the job interface: enqueue into Redis, and adapt arq's ``ctx`` to ours."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Mapping
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.jobs import Job, JobStatus
from arq.worker import Function, func
from redis.exceptions import RedisError

from core.jobs import JobContext, JobFunction, QueueUnavailable, UnknownJob

log = logging.getLogger(__name__)

#: Where the worker keeps the services object in arq's context (one typed object, not a bag).
SERVICES_CTX_KEY = "services"
#: How often ``ArqJobQueue.wait`` asks whether a job has finished.
RESULT_POLL_SECONDS = 0.05
_UNFINISHED = frozenset({JobStatus.deferred, JobStatus.queued, JobStatus.in_progress})


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
        pool = await create_pool(RedisSettings.from_dsn(redis_url), default_queue_name=queue_name)
        return cls(pool, known, queue_name)

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
        return await job(context, *args)

    return func(run, name=name, timeout=timeout, max_tries=max_tries)
