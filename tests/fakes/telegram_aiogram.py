"""aiogram glue for the fake Bot API server: a real ``Bot`` pointed at it and a polling runner
that starts and stops cleanly inside one test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from tests.fakes.telegram import FakeTelegramServer


class LocalAiohttpSession(AiohttpSession):
    """aiogram's session without the 250 ms pause its ``close()`` takes for TLS connections
    to wind down: the fake speaks plain HTTP on loopback, and every test closes a session."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(tg: FakeTelegramServer, **kwargs: Any) -> Bot:
    """A real aiogram Bot talking to ``tg``; the caller closes ``bot.session`` in teardown.
    Keyword arguments go to ``Bot`` (e.g. ``default=DefaultBotProperties(parse_mode="HTML")``)."""
    session = LocalAiohttpSession(api=TelegramAPIServer.from_base(tg.base_url))
    return Bot(tg.token, session=session, **kwargs)


@asynccontextmanager
async def polling(
    dp: Dispatcher,
    bot: Bot,
    tg: FakeTelegramServer,
    *,
    polling_timeout: int = 10,
    **kwargs: Any,
) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``dp.start_polling`` in a task until the block ends, then ``dp.stop_polling()``.

    Entering waits until getUpdates is being polled, so start-up errors surface here and
    ``stop_polling`` never races the start. The bot session is left open (close it in the bot fixture's teardown).
    Keyword arguments go to ``start_polling`` (workflow data, ``allowed_updates``…).
    """
    polls = tg.polls_received
    task = asyncio.create_task(
        dp.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            polling_timeout=polling_timeout,
            **kwargs,
        )
    )
    try:
        await _first_poll(tg, task, polls)
        yield task
    finally:
        if not task.done():
            await dp.stop_polling()
        await task


async def _first_poll(tg: FakeTelegramServer, task: asyncio.Task[None], polls: int) -> None:
    """Wait until polling reached getUpdates, surfacing a start-up crash instead of a timeout."""
    waiter = asyncio.ensure_future(tg.wait_for_poll(after=polls))
    done, _ = await asyncio.wait({waiter, task}, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        waiter.cancel()
        task.result()
        raise AssertionError("polling ended before it started")
    await waiter
