"""The arq side of the job interface: enqueue into Redis, and adapt arq's ``ctx`` to ours."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Mapping
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings
from arq.constants import in_progress_key_prefix
from arq.jobs import Job, JobStatus
from arq.utils import timestamp_ms
from arq.worker import Function, Worker, func
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from core.jobs import JobContext, JobFunction, QueueUnavailable, UnknownJob

log = logging.getLogger(__name__)

#: Where the worker keeps the services object in arq's context (one typed object, not a bag).
SERVICES_CTX_KEY = "services"
#: How often ``ArqJobQueue.wait`` asks whether a job has finished.
RESULT_POLL_SECONDS = 0.05
#: How often a worker with nothing to do reads the queue anyway: jobs deferred to a later time
#: (retries), a wake-up lost while Redis was away. New jobs wake workers at once.
IDLE_POLL_SECONDS = 0.25
_RESUBSCRIBE_SECONDS = 1.0
_UNFINISHED = frozenset({JobStatus.deferred, JobStatus.queued, JobStatus.in_progress})
#: Claim queued jobs atomically in one round trip. KEYS[1] the queue; ARGV: in-progress key
#: prefix, in-progress timeout (ms), now (ms), how many may start, then the candidate ids. A job
#: is claimed (its in-progress key set) when nobody runs it and it is due — arq's own checks
#: (WATCH, EXISTS, ZSCORE, MULTI/PSETEX/EXEC: four round trips a job), in one script. Returns
#: ``[id, score, id, score, ...]`` of the claimed jobs.
_CLAIM_LUA = """
local claimed = {}
local room = tonumber(ARGV[4])
for i = 5, #ARGV do
  if room <= 0 then break end
  local key = ARGV[1] .. ARGV[i]
  if redis.call('exists', key) == 0 then
    local score = redis.call('zscore', KEYS[1], ARGV[i])
    if score and tonumber(score) <= tonumber(ARGV[3]) then
      redis.call('psetex', key, ARGV[2], '1')
      claimed[#claimed + 1] = ARGV[i]
      claimed[#claimed + 1] = score
      room = room - 1
    end
  end
end
return claimed
"""


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


class QueueWorker(Worker):
    """arq's ``Worker`` that starts a job as soon as it is enqueued and claims jobs in one Redis
    round trip per poll.

    arq polls the queue every ``poll_delay``: a new job waits half of it on average for a
    worker, and an idle worker reads Redis a hundred times a second at 10 ms. Here the worker
    waits on a wake-up instead — :class:`ArqJobQueue` publishes one per job enqueued, and a
    job of its own finishing (a free slot) counts as one — and reads the queue anyway every
    ``idle_poll_s`` for deferred jobs; arq's own poll loop is left with no delay.

    A job stays in arq's queue until it finishes, so every poll reads the running jobs again;
    arq then spends four round trips on each id (WATCH, EXISTS, ZSCORE, MULTI/EXEC) to start it
    or to find it cannot. Here our own running jobs are skipped outright and the rest are
    claimed by one atomic script with the same checks (not running anywhere, due), so two
    workers still never start the same job; what runs a claimed job is arq's own ``run_job``.
    """

    _claim: AsyncScript | None = None

    def __init__(self, *args: Any, idle_poll_s: float = IDLE_POLL_SECONDS, **kwargs: Any) -> None:
        super().__init__(*args, poll_delay=0, **kwargs)
        self.idle_poll_s = idle_poll_s
        self._work = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        #: Set while subscribed to wake-ups (cleared while Redis is away).
        self.listening = asyncio.Event()

    async def _poll_iteration(self) -> None:
        if self._listener is None:
            self._listener = asyncio.ensure_future(self._listen_for_work())
        await super()._poll_iteration()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.idle_poll_s):
                await self._work.wait()
        self._work.clear()

    def _release_sem_dec_counter_on_complete(self) -> None:
        super()._release_sem_dec_counter_on_complete()
        self._work.set()  # a slot is free: take the next queued job now

    async def _listen_for_work(self) -> None:
        """Set the wake-up on every enqueue signal; resubscribe after a Redis outage (the idle
        poll keeps jobs moving meanwhile)."""
        while True:
            pubsub = self.pool.pubsub()
            try:
                await pubsub.subscribe(wake_channel(self.queue_name))
                self.listening.set()
                self._work.set()  # anything enqueued before we listened
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        self._work.set()
            except Exception as exc:  # this loop must outlive any outage
                log.warning("job wake-ups lost (%s); polling every %.2f s", exc, self.idle_poll_s)
            finally:
                self.listening.clear()
                with contextlib.suppress(Exception):  # a broken connection may not close cleanly
                    await pubsub.aclose()
            await asyncio.sleep(_RESUBSCRIBE_SECONDS)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await super().close()

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        room = self.max_jobs - self.job_counter
        candidates = [job_id for job_id in job_ids if job_id.decode() not in self.tasks]
        if room <= 0 or not candidates:
            return
        if self._claim is None:
            self._claim = self.pool.register_script(_CLAIM_LUA)
        timeout_ms = int(self.in_progress_timeout_s * 1000)
        claimed = await self._claim(
            keys=[self.queue_name],
            args=[in_progress_key_prefix, timeout_ms, timestamp_ms(), room, *candidates],
        )
        for job_id_b, score in zip(claimed[::2], claimed[1::2], strict=True):
            await self.sem.acquire()  # never waits: at most ``room`` jobs were claimed
            self.job_counter += 1
            job_id = job_id_b.decode()
            task = self.loop.create_task(self.run_job(job_id, int(float(score))))
            task.add_done_callback(lambda _: self._release_sem_dec_counter_on_complete())
            self.tasks[job_id] = task


def as_arq_function(name: str, job: JobFunction, *, timeout: float, max_tries: int) -> Function:
    """Wrap a core job so arq calls it with our typed :class:`JobContext`."""

    @functools.wraps(job)
    async def run(ctx: dict[str, Any], *args: Any) -> Any:
        context = JobContext(
            services=ctx[SERVICES_CTX_KEY], job_id=ctx.get("job_id"), job_try=ctx.get("job_try", 1)
        )
        return await job(context, *args)

    return func(run, name=name, timeout=timeout, max_tries=max_tries)
