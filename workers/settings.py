"""arq ``WorkerSettings`` for ``oneiroscope worker`` (a separate worker process on Redis)."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.connections import RedisSettings
from arq.cron import CronJob
from arq.worker import Function

from bot.notifier import TelegramNotifier
from bot.session import create_bot
from core.config import Settings
from core.db import close_db, init_db
from core.dreams.wiring import build_analyzer
from core.eventloop import new_event_loop
from core.services import build_services
from core.warmup import warm_up
from workers.queue import SERVICES_CTX_KEY, ArqJobQueue, QueueWorker, as_arq_function
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


async def on_startup(ctx: dict[str, Any]) -> None:
    """A standalone worker builds the same services as ``run``, and its own Bot to reply."""
    settings = Settings()
    await init_db(settings.database_url, migrate=False)
    services = build_services(settings)
    services.jobs = ArqJobQueue(ctx["redis"], JOBS, settings.job_queue_name)
    services.analyzer = build_analyzer(services)
    if settings.bot_token is not None:
        bot = create_bot(settings)
        ctx["bot"] = bot
        services.notifier = TelegramNotifier(bot)
    ctx[SERVICES_CTX_KEY] = services
    await asyncio.to_thread(warm_up, settle_heap=True)


async def on_shutdown(ctx: dict[str, Any]) -> None:
    services = ctx.get(SERVICES_CTX_KEY)
    if services is not None:
        if services.analyzer is not None:
            await services.analyzer.aclose()
        if services.redis is not None:
            await services.redis.aclose()
    if "bot" in ctx:
        await ctx["bot"].session.close()
    await close_db()


def worker_settings(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``arq.worker.Worker`` / ``run_worker``."""
    return {
        "functions": job_functions(),
        "cron_jobs": cron_jobs(),
        "on_startup": on_startup,
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
