"""Per-user message rate limit (aiogram 3 has none built in), in memory or in Redis."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Message, TelegramObject
from aiogram.utils.i18n import gettext as _

from core.cache import CACHE_ERRORS, Cache
from core.ratelimit import RateLimiter

log = logging.getLogger(__name__)

#: Tell a flooding user once per this many seconds, not once per dropped message.
WARN_EVERY_SECONDS = 30


class ThrottlingMiddleware(BaseMiddleware):
    def __init__(self, limiter: RateLimiter, cache: Cache) -> None:
        self._limiter = limiter
        self._cache = cache

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Message) or event.from_user is None:
            return await handler(event, data)
        key = f"msg:{event.from_user.id}"
        try:
            allowed = await self._limiter.allow(key)
        except CACHE_ERRORS as exc:
            # A user's dream must not be lost because the rate limiter's store is away.
            log.warning("rate limit skipped: %s", type(exc).__name__)
            allowed = True
        if allowed:
            return await handler(event, data)
        log.info("throttled a message from a user")
        if await self._cache.add(f"throttle-warned:{event.from_user.id}", "1", WARN_EVERY_SECONDS):
            await event.answer(_("You are sending messages too fast. Please wait a moment."))
        return None
