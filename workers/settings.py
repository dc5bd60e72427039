"""arq ``WorkerSettings`` for ``oneiroscope worker`` (a separate worker process on Redis)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AsyncExitStack
from typing import Any

from arq.cron import CronJob
from arq.worker import Function

from cli.runtime import build_runtime
from cli.threads import SPEECH_MODEL_THREAD, in_thread
from core.config import Settings
from core.dreams.sweeper import SweepPolicy, sweep_forever
from core.eventloop import new_event_loop
from core.warmup import warm_up
from workers.limits import DEFAULT_CHAIN_DEADLINE_SECONDS, MAX_TRIES, claim_lease_s, job_timeout_s
from workers.probes import serve_probes
from workers.queue import SERVICES_CTX_KEY, as_arq_function
from workers.queue_worker import QueueWorker
from workers.registry import JOBS

#: Analyses one worker process runs at once (most of each is waiting for the LLM).
MAX_JOBS = 50
#: On SIGTERM: stop taking jobs and let running analyses finish for this long (fly.toml's
#: ``kill_timeout`` leaves room for it).
DRAIN_SECONDS = 20.0


def job_functions(chain_deadline_s: float = DEFAULT_CHAIN_DEADLINE_SECONDS) -> list[Function]:
    """The product's jobs as arq functions, with their timeout and tries (every worker's)."""
    timeout = job_timeout_s(chain_deadline_s)
    return [
        as_arq_function(name, job, timeout=timeout, max_tries=MAX_TRIES)
        for name, job in JOBS.items()
    ]


def sweep_policy(settings: Settings, chain_deadline_s: float) -> SweepPolicy:
    """When the sweeper takes a dream up again: a queued one after ``STUCK_QUEUED_AFTER_S``,
    an analysing one once its job's claim has lapsed."""
    return SweepPolicy(
        queued_after_s=settings.stuck_queued_after_s,
        analyzing_after_s=claim_lease_s(chain_deadline_s),
        interval_s=settings.sweep_interval_s,
    )


def cron_jobs() -> list[CronJob]:
    """Scheduled jobs (none yet; later features add theirs here)."""
    return []


#: Where a standalone worker keeps the exit stack that closes its runtime.
_RUNTIME_CTX_KEY = "runtime_exit"

Hook = Callable[[dict[str, Any]], Awaitable[None]]


def on_startup(settings: Settings) -> Hook:
    """A standalone worker builds its parts with the composition root, like ``run`` does, and
    runs the sweeper and (with ``HEALTH_PORT``) its probes beside the jobs."""

    async def start(ctx: dict[str, Any]) -> None:
        stack = AsyncExitStack()
        # The web process migrates; a worker starts (and waits) while the database is down.
        runtime = await stack.enter_async_context(build_runtime(settings, migrate=False))
        ctx[_RUNTIME_CTX_KEY] = stack
        services = runtime.services
        ctx[SERVICES_CTX_KEY] = services
        policy = sweep_policy(settings, settings.llm.chain_deadline_s)
        _background(stack, sweep_forever(services.jobs, policy))
        if settings.health_port is not None:
            probes = serve_probes(
                services, settings.web_host, settings.health_port, services.redis,
                settings.job_queue_name,
            )  # fmt: skip
            _background(stack, probes)
        # In threads of their own, not the loop's executor: a SIGTERM during a load must not
        # wait for it (see cli.threads; ``oneiroscope worker`` leaves with exit_if_still_loading).
        if services.voice is not None:  # the speech model, before the first note
            load = services.voice.transcriber.load
            await in_thread(load, name=SPEECH_MODEL_THREAD, daemon=False)
        await in_thread(lambda: warm_up(settle_heap=True), name="warm-up", daemon=True)

    return start


def _background(stack: AsyncExitStack, work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` until the runtime closes (cancelled first, before its parts close)."""
    task = asyncio.ensure_future(work)

    async def stop() -> None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    stack.push_async_callback(stop)


async def on_shutdown(ctx: dict[str, Any]) -> None:
    stack: AsyncExitStack | None = ctx.pop(_RUNTIME_CTX_KEY, None)
    if stack is not None:
        await stack.aclose()


def worker_settings(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``arq.worker.Worker`` / ``run_worker``."""
    return {
        "functions": job_functions(settings.llm.chain_deadline_s),
        "cron_jobs": cron_jobs(),
        "on_startup": on_startup(settings),
        "on_shutdown": on_shutdown,
        "redis_url": settings.redis_url or "redis://127.0.0.1:6379",
        "queue_name": settings.job_queue_name,
        "job_completion_wait": int(DRAIN_SECONDS),
        "max_jobs": MAX_JOBS,  # new jobs wake the worker: no poll delay to set (QueueWorker)
    }


def run_worker(settings: Settings) -> QueueWorker:
    """Run a standalone worker until a signal stops it (what ``arq.worker.run_worker`` does, but
    with :class:`QueueWorker`, which claims jobs in one Redis round trip per poll)."""
    # arq's Worker takes the current loop when built: make it the chosen one (uvloop by default).
    asyncio.set_event_loop(new_event_loop(settings.event_loop))
    worker = QueueWorker(**worker_settings(settings))
    worker.run()
    return worker
