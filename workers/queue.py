"""The arq side of the job interface: enqueue into Redis, and adapt arq's ``ctx`` to ours."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Mapping
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.constants import in_progress_key_prefix
from arq.jobs import Job, JobStatus
from arq.worker import Function, Worker, func
from redis.commands.core import AsyncScript

from core.jobs import JobContext, JobFunction, UnknownJob

#: Where the worker keeps the services object in arq's context (one typed object, not a bag).
SERVICES_CTX_KEY = "services"
POLL_SECONDS = 0.05
_UNFINISHED = frozenset({JobStatus.deferred, JobStatus.queued, JobStatus.in_progress})
#: Of the job ids in ARGV[2..], those without an in-progress key (prefix ARGV[1]): one round trip.
_NOT_IN_PROGRESS_LUA = """
local free = {}
for i = 2, #ARGV do
  if redis.call('exists', ARGV[1] .. ARGV[i]) == 0 then free[#free + 1] = ARGV[i] end
end
return free
"""


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
        job = await self._pool.enqueue_job(
            function, *args, _job_id=job_id, _queue_name=self.queue_name
        )
        return job is not None

    async def wait(self, job_id: str) -> None:
        job = Job(job_id, self._pool, _queue_name=self.queue_name)
        # arq offers no notification of finished jobs; its own Job.result polls the same way.
        while await job.status() in _UNFINISHED:  # noqa: ASYNC110
            await asyncio.sleep(POLL_SECONDS)

    async def close(self) -> None:
        await self._pool.aclose()


class QueueWorker(Worker):
    """arq's ``Worker`` without re-checking jobs that are already running.

    A job stays in arq's queue until it finishes, so every poll reads the running jobs again and
    arq spends three Redis round trips on each (WATCH, EXISTS, ZSCORE) to find out it cannot start
    it: with 50 analyses waiting on the LLM and a 10 ms poll that was most of the worker's Redis
    traffic. Our own running jobs are skipped outright, and the others' in one scripted EXISTS;
    the ids left go through arq's own start protocol unchanged, so the check stays race-free.
    """

    _not_in_progress: AsyncScript | None = None

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        candidates = [job_id for job_id in job_ids if job_id.decode() not in self.tasks]
        if candidates:
            if self._not_in_progress is None:
                self._not_in_progress = self.pool.register_script(_NOT_IN_PROGRESS_LUA)
            candidates = await self._not_in_progress(args=[in_progress_key_prefix, *candidates])
        await super().start_jobs(candidates)


def as_arq_function(name: str, job: JobFunction, *, timeout: float, max_tries: int) -> Function:
    """Wrap a core job so arq calls it with our typed :class:`JobContext`."""

    @functools.wraps(job)
    async def run(ctx: dict[str, Any], *args: Any) -> Any:
        context = JobContext(
            services=ctx[SERVICES_CTX_KEY], job_id=ctx.get("job_id"), job_try=ctx.get("job_try", 1)
        )
        return await job(context, *args)

    return func(run, name=name, timeout=timeout, max_tries=max_tries)
