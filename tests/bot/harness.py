"""Runs the real product (``cli.serve.serve``) against the fake Bot API server.

The bot long-polls the fake server exactly as it would poll Telegram; tests push updates and
await the bot's calls. ``backend="redis"`` sets ``REDIS_URL`` (arq worker, Redis caches, FSM and
rate limits); ``"embedded"`` leaves it unset (in-process jobs, memory).
"""

from __future__ import annotations

import asyncio
import random
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cli.serve import ALL_PARTS, Parts, Running, serve
from core.asr import Transcriber
from core.config import Settings
from core.db.models import Dream, User
from tests.fakes.telegram import Call, FakeTelegramServer

STARTUP_TIMEOUT = 30.0
JOB_TIMEOUT = 30.0


@dataclass
class Product:
    tg: FakeTelegramServer
    runtime: Running
    settings: Settings

    async def analyses_settled(self, telegram_id: int) -> None:
        """Wait until the first analysis job of each of this user's dreams has finished."""
        jobs = self.runtime.services.jobs
        user = await User.get(telegram_id=telegram_id)
        async with asyncio.timeout(JOB_TIMEOUT):
            for dream_id in await Dream.filter(user_id=user.id).values_list("id", flat=True):
                await jobs.wait(f"analyze:{dream_id}:first")


def product_settings(
    tmp_path: Path, tg: FakeTelegramServer, redis_url: str | None, **extra: Any
) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": f"sqlite://{tmp_path / 'oneiroscope.db'}",
        "REDIS_URL": redis_url,
        "BOT_TOKEN": tg.token,
        "TELEGRAM_API_URL": tg.base_url,
        "WEB_HOST": "127.0.0.1",
        "WEB_PORT": 0,
        "LOG_FORMAT": "text",
        # Keys and the job queue of this run only: test processes may share one Redis.
        "REDIS_NAMESPACE": f"test-{secrets.token_hex(6)}",
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def running_product(
    tmp_path: Path,
    redis_url: str | None = None,
    parts: Parts = ALL_PARTS,
    transcriber: Transcriber | None = None,
    **extra: Any,
) -> AsyncIterator[Product]:
    """Start bot + web + worker as ``oneiroscope run`` does; stop them cleanly afterwards."""
    # A bot id of its own per run: update ids restart at 1 for every fake server, and Redis
    # remembers handled ids per bot, also across test processes sharing the server.
    token = f"{random.randint(10**8, 10**9)}:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
    async with FakeTelegramServer(token) as tg:
        settings = product_settings(tmp_path, tg, redis_url, **extra)
        stop = asyncio.Event()
        ready: asyncio.Future[Running] = asyncio.get_running_loop().create_future()
        task = asyncio.create_task(
            serve(settings, parts, stop=stop, on_ready=ready.set_result, transcriber=transcriber)
        )
        done, _ = await asyncio.wait(
            {task, ready}, timeout=STARTUP_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            task.result()  # start-up failed: raise its error here
        if ready not in done:
            task.cancel()
            raise AssertionError("the product did not start in time")
        try:
            yield Product(tg=tg, runtime=ready.result(), settings=settings)
        finally:
            stop.set()
            await asyncio.wait_for(task, STARTUP_TIMEOUT)


def button(call: Call, text: str) -> str:
    """The callback data of the inline button labelled ``text`` in a recorded bot call."""
    for row in call.params["reply_markup"]["inline_keyboard"]:
        for candidate in row:
            if candidate["text"] == text:
                return str(candidate["callback_data"])
    raise AssertionError(f"no button {text!r} in {call.params['reply_markup']}")
