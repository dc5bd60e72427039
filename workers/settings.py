"""arq ``WorkerSettings`` for ``oneiroscope worker`` (a separate worker process on Redis)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

from arq.connections import RedisSettings
from arq.cron import CronJob
from arq.worker import Function

from cli.runtime import build_runtime
from core.config import Settings
from core.eventloop import new_event_loop
from core.warmup import warm_up
from workers.queue import SERVICES_CTX_KEY, as_arq_function
from workers.queue_worker import QueueWorker
from workers.registry import JOB_TIMEOUT_SECONDS, JOBS, MAX_TRIES

#: Analyses one worker process runs at once (most of each is waiting for the LLM).
MAX_JOBS = 50


def job_functions() -> list[Function]:
    """The product's jobs as arq functions, with their timeout and tries (every worker's)."""
    return [
        as_arq_function(name, job, timeout=JOB_TIMEOUT_SECONDS, max_tries=MAX_TRIES)
        for name, job in JOBS.items()
    ]


def cron_jobs() -> list[CronJob]:
    """Scheduled jobs (none yet; later features add theirs here)."""
    return []


#: Where a standalone worker keeps the exit stack that closes its runtime.
_RUNTIME_CTX_KEY = "runtime_exit"

Hook = Callable[[dict[str, Any]], Awaitable[None]]


def on_startup(settings: Settings) -> Hook:
    """A standalone worker builds its parts with the composition root, like ``run`` does."""

    async def start(ctx: dict[str, Any]) -> None:
        stack = AsyncExitStack()
        # The web process migrates; a worker starts (and waits) while the database is down.
        runtime = await stack.enter_async_context(build_runtime(settings, migrate=False))
        ctx[_RUNTIME_CTX_KEY] = stack
        ctx[SERVICES_CTX_KEY] = runtime.services
        if runtime.services.voice is not None:  # the speech model, before the first note
            await asyncio.to_thread(runtime.services.voice.transcriber.load)
        await asyncio.to_thread(warm_up, settle_heap=True)

    return start


async def on_shutdown(ctx: dict[str, Any]) -> None:
    stack: AsyncExitStack | None = ctx.pop(_RUNTIME_CTX_KEY, None)
    if stack is not None:
        await stack.aclose()


def worker_settings(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``arq.worker.Worker`` / ``run_worker``."""
    return {
        "functions": job_functions(),
        "cron_jobs": cron_jobs(),
        "on_startup": on_startup(settings),
        "on_shutdown": on_shutdown,
        "redis_settings": RedisSettings.from_dsn(settings.redis_url or "redis://127.0.0.1:6379"),
        "queue_name": settings.job_queue_name,
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
