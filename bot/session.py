"""The outbound Telegram session: a self-hosted Bot API server when configured, and bounded
retries on ``429 Too Many Requests`` (Telegram's flood control) and on network errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType

from bot.polling import SkipUnreadableUpdates
from core.config import Settings
from core.metrics import METRICS

log = logging.getLogger(__name__)

#: Never wait longer than this for flood control inside one request: the user is waiting.
MAX_RETRY_AFTER_SECONDS = 30.0
REQUEST_TIMEOUT_SECONDS = 30.0


class RetryRequestMiddleware(BaseRequestMiddleware):
    """Retries a Bot API call a bounded number of times, honouring ``retry_after``."""

    def __init__(
        self,
        max_tries: int = 3,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        network_backoff: float = 0.5,
    ) -> None:
        self._max_tries = max_tries
        self._sleep = sleep
        self._network_backoff = network_backoff

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        name = type(method).__name__
        for attempt in range(1, self._max_tries + 1):
            try:
                with METRICS.timer("telegram_request_seconds", method=name):
                    return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                METRICS.inc("telegram_request_errors_total", method=name, kind="retry_after")
                if attempt == self._max_tries or exc.retry_after > MAX_RETRY_AFTER_SECONDS:
                    raise
                log.warning("telegram flood control on %s: waiting %ss", name, exc.retry_after)
                await self._sleep(exc.retry_after)
            except TelegramNetworkError:
                METRICS.inc("telegram_request_errors_total", method=name, kind="network")
                if attempt == self._max_tries:
                    raise
                await self._sleep(self._network_backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")  # pragma: no cover


def create_bot(settings: Settings, *, retry: RetryRequestMiddleware | None = None) -> Bot:
    """A ``Bot`` for ``BOT_TOKEN``, talking to ``TELEGRAM_API_URL`` when it is set."""
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set: the bot cannot start without it")
    api = (
        TelegramAPIServer.from_base(settings.telegram_api_url)
        if settings.telegram_api_url
        else None
    )
    session = (
        AiohttpSession(api=api, timeout=REQUEST_TIMEOUT_SECONDS)
        if api
        else AiohttpSession(timeout=REQUEST_TIMEOUT_SECONDS)
    )
    session.middleware(retry or RetryRequestMiddleware())
    session.middleware(SkipUnreadableUpdates())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )
