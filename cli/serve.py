"""Runs bot, web and worker over the parts the composition root (``cli/runtime.py``) built.

``serve`` is what ``oneiroscope run|bot|web`` call, and what the end-to-end tests call too, so
tests drive exactly the product's start-up path.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot.commands import set_bot_commands, set_menu_button
from bot.dispatcher import create_dispatcher, in_flight_updates
from bot.webhook import WEBHOOK_PATH, WebhookHandler, resolve_webhook_secret
from cli.runtime import Runtime, build_runtime
from cli.threads import SPEECH_MODEL_THREAD, in_thread
from core.asr import Transcriber
from core.config import Settings
from core.db import describe_db_url
from core.dreams.report import Notifier
from core.dreams.sweeper import sweep_forever
from core.embeddings import Embedder
from core.services import Services
from core.warmup import warm_up
from miniapp.app import create_app
from workers.probes import serve_probes
from workers.queue import SERVICES_CTX_KEY, ArqJobQueue
from workers.queue_worker import QueueWorker
from workers.settings import MAX_JOBS, cron_jobs, job_functions, sweep_policy

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
class Running:
    """What ``serve`` runs, exposed to tests through the ``on_ready`` callback."""

    runtime: Runtime
    dispatcher: Dispatcher | None = None
    app: web.Application | None = None
    site_url: str | None = None
    #: The secret Telegram must send with every webhook request (webhook mode only).
    webhook_secret: str | None = None
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def settings(self) -> Settings:
        return self.runtime.settings

    @property
    def services(self) -> Services:
        return self.runtime.services

    @property
    def bot(self) -> Bot | None:
        return self.runtime.bot


def announce_off_parts(settings: Settings) -> None:
    """Say clearly which real parts are off, one readable line each."""
    for line in settings.off_parts():
        log.warning(line)


async def _start_worker(running: Running, stack: AsyncExitStack) -> None:
    """The sweeper that finds lost jobs, and an arq worker in this process on the runtime's job
    queue (Redis deployments; embedded, the in-process queue runs jobs itself)."""
    services, settings = running.services, running.settings
    queue = services.jobs
    deadline_s = settings.llm.chain_deadline_s
    _spawn(running, sweep_forever(queue, sweep_policy(settings, deadline_s)), "sweeper")
    if not isinstance(queue, ArqJobQueue):
        return
    worker = QueueWorker(
        functions=job_functions(deadline_s),
        cron_jobs=cron_jobs(),
        redis_pool=queue.pool,
        queue_name=settings.job_queue_name,
        handle_signals=False,
        ctx={SERVICES_CTX_KEY: services},
        max_jobs=MAX_JOBS,
    )
    _spawn(running, worker.async_run(), "arq-worker")
    stack.push_async_callback(_stop_worker, worker)


async def _stop_worker(worker: QueueWorker) -> None:
    """Stop taking jobs, let running analyses finish (bounded), then close: a restart must not
    turn a user's analysis into an apology."""
    worker.allow_pick_jobs = False
    running = [task for task in worker.tasks.values() if not task.done()]
    if running:
        await asyncio.wait(running, timeout=SHUTDOWN_GRACE_SECONDS)
    await worker.close()


def _spawn(running: Running, coro: Awaitable[None], name: str) -> None:
    task = asyncio.ensure_future(coro)
    task.set_name(name)
    running.tasks.add(task)
    task.add_done_callback(running.tasks.discard)


async def _start_bot(running: Running, bot: Bot, stack: AsyncExitStack, parts: Parts) -> None:
    """The dispatcher over the runtime's bot. In webhook mode the ``web`` processes feed the
    dispatcher and only the ``bot`` process registers the webhook and the commands (done once
    per deployment); in polling mode the ``bot`` process polls."""
    settings = running.settings
    dp = create_dispatcher(running.services)
    running.dispatcher = dp
    if not parts.bot:
        return
    await set_bot_commands(bot)
    await set_menu_button(bot, settings)
    if settings.public_url is not None:
        await bot.set_webhook(
            f"{settings.public_url.rstrip('/')}{WEBHOOK_PATH}",
            secret_token=running.webhook_secret,
            allowed_updates=dp.resolve_used_update_types(),
        )
        return
    await bot.delete_webhook(drop_pending_updates=False)
    _spawn(
        running,
        dp.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            allowed_updates=dp.resolve_used_update_types(),
        ),
        "bot-polling",
    )

    async def stop_polling() -> None:
        # aiogram raises RuntimeError("Polling is not started") when polling already ended.
        with contextlib.suppress(RuntimeError):
            await dp.stop_polling()
        # aiogram does not wait for the updates it handed to tasks: let them answer before the
        # Bot API session closes under them.
        if not await in_flight_updates(dp).drain(SHUTDOWN_GRACE_SECONDS):
            log.warning("stopped with updates still being handled")

    stack.push_async_callback(stop_polling)


async def _start_web(running: Running, stack: AsyncExitStack) -> None:
    settings = running.settings
    app = create_app(running.services)
    bot, dp, secret = running.bot, running.dispatcher, running.webhook_secret
    if bot is not None and dp is not None and secret is not None:
        WebhookHandler(dp, bot, secret).register(app, WEBHOOK_PATH)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, settings.web_host, settings.web_port)
    await site.start()
    running.app = app
    running.site_url = f"http://{settings.web_host}:{_bound_port(runner, settings.web_port)}"
    log.info("web app listening on %s", running.site_url)


def _bound_port(runner: web.AppRunner, configured: int) -> int:
    """The port the site really listens on (``WEB_PORT=0`` lets the OS choose, in tests)."""
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return configured


async def _warm_up(settle_heap: bool, embedder: object | None = None) -> None:
    """``core.warmup`` in a daemon thread: a process stopped while it warms up exits at once."""
    await in_thread(
        lambda: warm_up(settle_heap=settle_heap, embedder=embedder), name="warm-up", daemon=True
    )


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
    on_ready: Callable[[Running], Awaitable[None] | None] | None = None,
    settle_heap: bool = False,
    notifier: Notifier | None = None,
    embedder: Embedder | None = None,
    transcriber: Transcriber | None = None,
) -> None:
    """Run the selected parts until ``stop`` is set, then shut them down in reverse order.

    ``settle_heap``: freeze the heap once warmed up (long-running processes; see
    :mod:`core.warmup`), never in tests that start the product again and again.
    ``notifier`` / ``embedder`` / ``transcriber``: replacements at the edge (benches, tests),
    see ``build_runtime``.
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
    runtime_cm = build_runtime(
        settings, notifier=notifier, embedder=embedder, transcriber=transcriber
    )
    async with runtime_cm as runtime, AsyncExitStack() as stack:
        running = Running(runtime=runtime, webhook_secret=secret)
        # The city index and lexicons take a few seconds to build: off the event loop, early.
        # ... and the local embedding model, which the first analysis would otherwise wait for.
        _spawn(running, _warm_up(settle_heap, runtime.services.analyzer.embedder), "warm-up")
        if parts.worker:
            voice = runtime.services.voice
            if voice is not None and settle_heap:  # a long-running worker: load it now
                _spawn(
                    running,
                    in_thread(voice.transcriber.load, name=SPEECH_MODEL_THREAD, daemon=False),
                    "speech-model",
                )
            await _start_worker(running, stack)
        if runtime.bot is not None and _needs_bot(settings, parts):
            await _start_bot(running, runtime.bot, stack, parts)
        if parts.web:
            await _start_web(running, stack)
        elif settings.health_port is not None:
            # A process without the web app (``bot``) still answers probes and serves metrics.
            probes = serve_probes(
                runtime.services, settings.web_host, settings.health_port,
                runtime.services.redis, settings.job_queue_name,
            )  # fmt: skip
            _spawn(running, probes, "probes")
        if on_ready is not None:
            result = on_ready(running)
            if result is not None:
                await result
        await _wait_until_stopped(running, stop)


async def _wait_until_stopped(running: Running, stop: asyncio.Event) -> None:
    stopper = asyncio.ensure_future(stop.wait())
    try:
        while not stop.is_set():
            watched = {stopper, *running.tasks}
            done, _ = await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
            for task in done - {stopper}:
                error = task.exception()
                if error is not None:
                    raise error
    finally:
        stopper.cancel()
