"""Fixtures for the fake Bot API server's own tests: the server and a real aiogram Bot on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot

from tests.fakes.telegram import FakeTelegramServer
from tests.fakes.telegram_aiogram import make_bot


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegramServer]:
    """A running fake Telegram server."""
    async with FakeTelegramServer() as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegramServer) -> AsyncIterator[Bot]:
    """A real aiogram Bot pointed at the fake; its session is closed so nothing warns."""
    bot = make_bot(tg)
    yield bot
    await bot.session.close()
