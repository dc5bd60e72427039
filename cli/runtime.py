"""The composition root: ``build_runtime(settings)`` builds every part of the product once.

Database, Redis, cache, rate limiter, LLM clients, embedder, analyzer, job queue, Telegram bot,
notifier, payment receipts and Stars refunds/renewals are built here and nowhere else; ``run``, ``bot``, ``web``, ``worker``, ``analyze``
and the benches all enter this context manager and get complete :class:`Services` (no part is
filled in later). Leaving it closes everything in the reverse order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from aiogram import Bot

from bot.notifier import TelegramNotifier
from bot.receipts import TelegramReceipts
from bot.session import create_bot
from bot.stars import TelegramStars
from bot.voice import TelegramVoice
from core.asr import Transcriber
from core.config import Settings
from core.db import DatabaseUnavailable, close_db, init_db
from core.dreams.journal_changes import publishing_to
from core.dreams.report import JournalOnlyNotifier, Notifier
from core.dreams.wiring import build_analyzer
from core.embeddings import Embedder
from core.jobs import InProcessJobQueue, JobQueue
from core.services import Services, build_storage
from core.voice.service import VoiceServices, build_transcriber
from workers.limits import MAX_TRIES, job_timeout_s
from workers.queue import ArqJobQueue
from workers.registry import JOBS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Runtime:
    """What the composition root built: the services, and the bot they reply through."""

    settings: Settings
    services: Services
    #: None without ``BOT_TOKEN``: results then stay in the journal (``JournalOnlyNotifier``).
    bot: Bot | None


@asynccontextmanager
async def build_runtime(
    settings: Settings,
    *,
    database: bool = True,
    migrate: bool = True,
    notifier: Notifier | None = None,
    embedder: Embedder | None = None,
    transcriber: Transcriber | None = None,
) -> AsyncIterator[Runtime]:
    """Build the product's parts from ``settings``; close them on exit.

    ``database=False`` leaves the ORM unconnected (``oneiroscope analyze`` stores nothing);
    ``migrate=False`` lets a standalone worker start while the database is down (the web
    process migrates). ``notifier`` and ``embedder`` replace the configured ones at the edge
    (the benches measure the analysis without Telegram, with each kind of embedder);
    ``transcriber`` an already loaded one (tests load each speech model once per session).
    """
    async with AsyncExitStack() as stack:
        if database:
            # Tortoise's connections are bound to the task context: initialise before any task.
            await _connect_database(settings.database_url, migrate)
            stack.push_async_callback(close_db)
        storage = build_storage(settings)
        if storage.redis is not None:
            stack.push_async_callback(storage.redis.aclose)
        # Every write of this process tells the other processes whose journal changed.
        stack.enter_context(publishing_to(storage.journal))
        bot = create_bot(settings) if settings.bot_token is not None else None
        if bot is not None:
            stack.push_async_callback(bot.session.close)
        analyzer = build_analyzer(settings, storage, embedder)
        stack.push_async_callback(analyzer.aclose)
        voice = await _voice(settings, bot, transcriber)
        jobs = await _job_queue(settings)
        # Closed first (in-process jobs drained) while the analyzer's clients are still open.
        stack.push_async_callback(jobs.close)
        services = Services(
            settings=settings,
            cache=storage.cache,
            rate_limiter=storage.rate_limiter,
            redis=storage.redis,
            journal=storage.journal,
            jobs=jobs,
            analyzer=analyzer,
            notifier=notifier or _notifier(bot),
            voice=voice,
            receipts=TelegramReceipts(bot) if bot is not None else None,
            stars=TelegramStars(bot) if bot is not None else None,
        )
        if isinstance(jobs, InProcessJobQueue):
            jobs.services = services  # the jobs run here, with these services
        yield Runtime(settings=settings, services=services, bot=bot)


async def _connect_database(url: str, migrate: bool) -> None:
    """Migrate and connect, waiting out a database that is not up yet (a deployment's processes
    start together; PostgreSQL may be restarting) instead of exiting."""
    delay = 0.5
    while True:
        try:
            await init_db(url, migrate=migrate)
            return
        except DatabaseUnavailable as exc:
            log.warning("%s; retrying in %.0f s", exc, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, 10.0)


async def _job_queue(settings: Settings) -> JobQueue:
    if settings.redis_url is None:
        timeout = job_timeout_s(settings.llm.chain_deadline_s)
        return InProcessJobQueue(JOBS, None, MAX_TRIES, timeout)
    return await ArqJobQueue.connect(settings.redis_url, JOBS, settings.job_queue_name)


async def _voice(
    settings: Settings, bot: Bot | None, transcriber: Transcriber | None
) -> VoiceServices | None:
    """Voice notes need a bot (they arrive and are answered through it) and ffmpeg."""
    if bot is None:
        return None
    transcriber = transcriber or await build_transcriber(settings.asr)
    return VoiceServices(transcriber, TelegramVoice(bot)) if transcriber is not None else None


def _notifier(bot: Bot | None) -> Notifier:
    return TelegramNotifier(bot) if bot is not None else JournalOnlyNotifier()


__all__ = ["Runtime", "build_runtime"]
