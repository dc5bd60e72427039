"""``QueueWorker``: arq's worker, woken by enqueues and claiming jobs in one round trip.

The one module that builds on arq's private worker API (``_poll_iteration``,
``_release_sem_dec_counter_on_complete``, ``start_jobs``, ``sem``, ``job_counter``): the
throughput bench (``bench/analysis_bench.py``, ``bench/_throughput.py``) measured what it saves, and
``tests/workers/test_arq_internals.py`` pins each piece to the arq version it was written for,
so an arq upgrade fails there, by name.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from typing import Any

from arq.connections import RedisSettings
from arq.constants import in_progress_key_prefix
from arq.utils import timestamp_ms
from arq.worker import Worker
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from workers.queue import lazy_pool, wake_channel

log = logging.getLogger(__name__)

#: How often a worker with nothing to do reads the queue anyway: jobs deferred to a later time
#: (retries), a wake-up lost while Redis was away. New jobs wake workers at once.
IDLE_POLL_SECONDS = 0.25
_RESUBSCRIBE_SECONDS = 1.0
#: How long one wait for a wake-up lasts (well under the pool's socket timeout).
_LISTEN_WAIT_S = 1.0
#: How long a job stays claimed (arq's in-progress key) without its worker renewing the claim.
#: Renewed every :data:`LEASE_RENEW_SECONDS` while the job runs, so a SIGKILLed worker's job runs
#: again within this time instead of arq's job timeout + 10 s.
IN_PROGRESS_LEASE_SECONDS = 30.0
LEASE_RENEW_SECONDS = 5.0
#: Backoff while Redis is away: first wait, longest wait.
OUTAGE_BACKOFF_S = (0.5, 10.0)
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

    def __init__(
        self,
        *args: Any,
        idle_poll_s: float = IDLE_POLL_SECONDS,
        redis_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, poll_delay=0, **kwargs)
        if self._pool is None and redis_url is not None:
            self._pool = lazy_pool(redis_url, self.queue_name)
        self.in_progress_timeout_s = IN_PROGRESS_LEASE_SECONDS
        self.idle_poll_s = idle_poll_s
        self._work = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        #: Set while subscribed to wake-ups (cleared while Redis is away).
        self.listening = asyncio.Event()
        #: Since when (monotonic) Redis has not answered the poll; None while it does.
        self.redis_down_since: float | None = None
        self._backoff_s = OUTAGE_BACKOFF_S[0]
        self._leases_renewed_at = 0.0

    async def main(self) -> None:
        """arq's ``main`` without its start-up round trips to Redis (a pool made here connects
        on first use), so a worker starts — and waits — while Redis is away."""
        if self._pool is None:
            settings = self.redis_settings or RedisSettings()
            self._pool = lazy_pool(_dsn(settings), self.queue_name)
        self.ctx["redis"] = self.pool
        if self.on_startup:
            await self.on_startup(self.ctx)
        log.info("worker started: %s", ", ".join(self.functions))
        while True:
            await self._poll_iteration()
            if self.burst and await self._burst_done():
                return

    async def _burst_done(self) -> bool:
        if 0 <= self.max_burst_jobs <= self._jobs_started() or not await self.pool.zcard(
            self.queue_name
        ):
            await asyncio.gather(*self.tasks.values())
            return True
        return False

    async def _poll_iteration(self) -> None:
        """arq's poll, outliving any Redis outage: a failed poll is logged once per outage and
        retried with backoff; running jobs keep running, and their results are written once
        Redis is back (arq's own poll would end the worker with the error)."""
        if self._listener is None:
            self._listener = asyncio.ensure_future(self._listen_for_work())
        try:
            await super()._poll_iteration()
            await self._renew_leases()
        except (RedisError, OSError) as exc:
            await self._wait_out(exc)
            return
        self._back_again()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.idle_poll_s):
                await self._work.wait()
        self._work.clear()

    async def _wait_out(self, exc: BaseException) -> None:
        if self.redis_down_since is None:
            self.redis_down_since = time.monotonic()
            log.warning("Redis unreachable (%s): jobs wait; retrying with backoff", exc)
        await asyncio.sleep(self._backoff_s)
        self._backoff_s = min(self._backoff_s * 2, OUTAGE_BACKOFF_S[1])

    def _back_again(self) -> None:
        if self.redis_down_since is not None:
            log.warning(
                "Redis is back after %.1f s: taking jobs again",
                time.monotonic() - self.redis_down_since,
            )
            self.redis_down_since = None
        self._backoff_s = OUTAGE_BACKOFF_S[0]

    async def _renew_leases(self) -> None:
        """Keep the in-progress keys of our running jobs alive (one round trip for all)."""
        now = time.monotonic()
        running = [job_id for job_id, task in self.tasks.items() if not task.done()]
        if not running or now - self._leases_renewed_at < LEASE_RENEW_SECONDS:
            return
        self._leases_renewed_at = now
        lease_ms = int(IN_PROGRESS_LEASE_SECONDS * 1000)
        async with self.pool.pipeline(transaction=False) as pipe:
            for job_id in running:
                pipe.pexpire(in_progress_key_prefix + job_id, lease_ms)
            await pipe.execute()

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
                while True:
                    # A bounded wait returns None when the channel is quiet; ``listen()`` would
                    # block on the socket and fail with the pool's socket timeout every few
                    # seconds of an idle queue.
                    message = await pubsub.get_message(
                        ignore_subscribe_messages=True, timeout=_LISTEN_WAIT_S
                    )
                    if message is not None:
                        self._work.set()
            except Exception as exc:  # this loop must outlive any outage
                log.warning("job wake-ups lost (%s); polling every %.2f s", exc, self.idle_poll_s)
            finally:
                self.listening.clear()
                with contextlib.suppress(Exception):  # a broken connection may not close cleanly
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
            await asyncio.sleep(_RESUBSCRIBE_SECONDS)

    def handle_sig(self, signum: signal.Signals) -> None:
        if signum != signal.SIGUSR1:
            super().handle_sig(signum)  # a real signal (a standalone worker): arq names it
            return
        # arq's close() of a worker without signal handlers (the in-process one) calls itself
        # "shutdown on SIGUSR1"; no such signal arrived, and the process has already logged
        # the one that stopped it. Say what happened instead, once.
        log.info(
            "job worker stopped: %d jobs complete, %d failed, %d retried, %d cancelled",
            self.jobs_complete,
            self.jobs_failed,
            self.jobs_retried,
            sum(1 for task in self.tasks.values() if not task.done()),
        )
        arq_log = logging.getLogger("arq.worker")
        disabled, arq_log.disabled = arq_log.disabled, True
        try:
            super().handle_sig(signum)
        finally:
            arq_log.disabled = disabled

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        try:
            await super().close()
        except (RedisError, OSError) as exc:
            # Stopping while Redis is away: what arq skipped after its failed write, done here.
            log.warning("worker closed while Redis is unreachable: %s", type(exc).__name__)
            if self.on_shutdown is not None:
                await self.on_shutdown(self.ctx)
            if self._pool is not None:
                with contextlib.suppress(Exception):
                    await self._pool.aclose()
                self._pool = None

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


def _dsn(settings: RedisSettings) -> str:
    """Back from arq's settings to a URL (the standalone worker is configured by URL)."""
    password = f":{settings.password}@" if settings.password else ""
    return f"redis://{password}{settings.host}:{settings.port}/{settings.database}"
