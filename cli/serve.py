"""The composition root: builds every part from ``Settings`` and runs bot, web and worker.

``serve`` is what ``oneiroscope run|bot|web|worker`` call, and what the end-to-end tests call too,
so tests drive exactly the product's start-up path.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot.commands import set_bot_commands
from bot.dispatcher import create_dispatcher
from bot.notifier import TelegramNotifier
from bot.session import create_bot
from bot.webhook import WEBHOOK_PATH, WebhookHandler, resolve_webhook_secret
from core.config import Settings
from core.db import close_db, describe_db_url, init_db
from core.dreams.wiring import build_analyzer
from core.jobs import InProcessJobQueue
from core.services import Services, build_services
from core.warmup import warm_up
from miniapp.app import create_app
from workers.queue import SERVICES_CTX_KEY, ArqJobQueue, QueueWorker
from workers.registry import JOB_TIMEOUT_SECONDS, JOBS, MAX_TRIES
from workers.settings import MAX_JOBS, cron_jobs, job_functions

log = logging.getLogger("oneiroscope")

SHUTDOWN_GRACE_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Parts:
    """Which processes run here: ``run`` is all three."""

    bot: bool = True
    web: bool = True
    worker: bool = True


ALL_PARTS = Parts()


@dataclass(slots=True)
class Runtime:
    """What ``serve`` built, exposed to tests through the ``on_ready`` callback."""

    settings: Settings
    services: Services
    bot: Bot | None = None
    dispatcher: Dispatcher | None = None
    app: web.Application | None = None
    site_url: str | None = None
    #: The secret Telegram must send with every webhook request (webhook mode only).
    webhook_secret: str | None = None
    tasks: set[asyncio.Task[None]] = field(default_factory=set)


def announce_off_parts(settings: Settings, extra: list[str] | None = None) -> None:
    """Say clearly which real parts are off, one readable line each."""
    for line in settings.off_parts() + (extra or []):
        log.warning(line)


async def _start_jobs(runtime: Runtime, stack: AsyncExitStack, run_worker: bool) -> None:
    services, settings = runtime.services, runtime.settings
    if settings.redis_url is None:
        services.jobs = InProcessJobQueue(JOBS, services, MAX_TRIES, JOB_TIMEOUT_SECONDS)
        return
    queue = await ArqJobQueue.connect(settings.redis_url, JOBS, settings.job_queue_name)
    services.jobs = queue
    if not run_worker:
        return
    worker = QueueWorker(
        functions=job_functions(),
        cron_jobs=cron_jobs(),
        redis_pool=queue.pool,
        queue_name=settings.job_queue_name,
        handle_signals=False,
        ctx={SERVICES_CTX_KEY: services},
        max_jobs=MAX_JOBS,
    )
    _spawn(runtime, worker.async_run(), "arq-worker")
    stack.push_async_callback(_stop_worker, worker)


async def _stop_worker(worker: QueueWorker) -> None:
    """Stop taking jobs, let running analyses finish (bounded), then close: a restart must not
    turn a user's analysis into an apology."""
    worker.allow_pick_jobs = False
    running = [task for task in worker.tasks.values() if not task.done()]
    if running:
        await asyncio.wait(running, timeout=SHUTDOWN_GRACE_SECONDS)
    await worker.close()


def _spawn(runtime: Runtime, coro: Awaitable[None], name: str) -> None:
    task = asyncio.ensure_future(coro)
    task.set_name(name)
    runtime.tasks.add(task)
    task.add_done_callback(runtime.tasks.discard)


async def _start_bot(runtime: Runtime, stack: AsyncExitStack, parts: Parts) -> None:
    """The bot and its dispatcher. In webhook mode the ``web`` processes feed the dispatcher
    and only the ``bot`` process registers the webhook and the commands (done once per
    deployment); in polling mode the ``bot`` process polls."""
    settings = runtime.settings
    bot = create_bot(settings)
    stack.push_async_callback(bot.session.close)
    dp = create_dispatcher(runtime.services)
    runtime.bot, runtime.dispatcher = bot, dp
    runtime.services.notifier = TelegramNotifier(bot)
    if not parts.bot:
        return
    await set_bot_commands(bot)
    if settings.webhook_mode:
        await bot.set_webhook(
            f"{settings.public_url.rstrip('/')}{WEBHOOK_PATH}",  # type: ignore[union-attr]
            secret_token=runtime.webhook_secret,
            allowed_updates=dp.resolve_used_update_types(),
        )
        return
    await bot.delete_webhook(drop_pending_updates=False)
    _spawn(
        runtime,
        dp.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            allowed_updates=dp.resolve_used_update_types(),
        ),
        "bot-polling",
    )

    async def stop_polling() -> None:
        if dp._running_lock.locked():
            await dp.stop_polling()

    stack.push_async_callback(stop_polling)


async def _start_web(runtime: Runtime, stack: AsyncExitStack) -> None:
    settings = runtime.settings
    app = create_app(runtime.services)
    bot, dp, secret = runtime.bot, runtime.dispatcher, runtime.webhook_secret
    if bot is not None and dp is not None and secret is not None:
        WebhookHandler(dp, bot, secret).register(app, WEBHOOK_PATH)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, settings.web_host, settings.web_port)
    await site.start()
    runtime.app = app
    sockets = site._server.sockets if site._server else []
    port = sockets[0].getsockname()[1] if sockets else settings.web_port
    runtime.site_url = f"http://{settings.web_host}:{port}"
    log.info("web app listening on %s", runtime.site_url)


def _needs_bot(settings: Settings, parts: Parts) -> bool:
    """The ``bot`` process, and in webhook mode every ``web`` process (it feeds the dispatcher)."""
    if settings.bot_token is None:
        return False
    return parts.bot or (parts.web and settings.webhook_mode)


async def serve(
    settings: Settings,
    parts: Parts = ALL_PARTS,
    *,
    stop: asyncio.Event | None = None,
    on_ready: Callable[[Runtime], Awaitable[None] | None] | None = None,
    settle_heap: bool = False,
) -> None:
    """Run the selected parts until ``stop`` is set, then shut them down in reverse order.

    ``settle_heap``: freeze the heap once warmed up (long-running processes; see
    :mod:`core.warmup`), never in tests that start the product again and again.
    """
    stop = stop or asyncio.Event()
    # Checked before anything starts: webhook mode never runs without a secret.
    secret = (
        resolve_webhook_secret(
            settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
            settings.bot_token.get_secret_value() if settings.bot_token else None,
        )
        if settings.webhook_mode and _needs_bot(settings, parts)
        else None
    )
    log.info("database: %s", describe_db_url(settings.database_url))
    # Tortoise's connections are bound to the task context: initialise before spawning tasks.
    await init_db(settings.database_url, migrate=True)
    services = build_services(settings)
    runtime = Runtime(settings=settings, services=services, webhook_secret=secret)
    async with AsyncExitStack() as stack:
        stack.push_async_callback(close_db)
        services.analyzer = build_analyzer(services)
        stack.push_async_callback(services.analyzer.aclose)
        # Closed (in-process jobs drained) before the analyzer's clients are.
        stack.push_async_callback(services.close)
        # The city index and lexicons take a few seconds to build: off the event loop, early.
        _spawn(runtime, asyncio.to_thread(warm_up, settle_heap=settle_heap), "warm-up")
        await _start_jobs(runtime, stack, run_worker=parts.worker)
        if _needs_bot(settings, parts):
            await _start_bot(runtime, stack, parts)
        if parts.web:
            await _start_web(runtime, stack)
        if on_ready is not None:
            result = on_ready(runtime)
            if result is not None:
                await result
        await _wait_until_stopped(runtime, stop)


async def _wait_until_stopped(runtime: Runtime, stop: asyncio.Event) -> None:
    stopper = asyncio.ensure_future(stop.wait())
    try:
        while not stop.is_set():
            watched = {stopper, *runtime.tasks}
            done, _ = await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
            for task in done - {stopper}:
                if task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
    finally:
        stopper.cancel()
