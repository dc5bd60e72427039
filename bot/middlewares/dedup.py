"""Drops an update whose ``update_id`` was already handled (webhook retries, redeliveries)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from core.cache import CACHE_ERRORS, Cache

log = logging.getLogger(__name__)

#: Telegram keeps undelivered updates for 24 hours; remembering ids that long covers retries.
SEEN_TTL_SECONDS = 24 * 3600


class DeduplicateUpdatesMiddleware(BaseMiddleware):
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            # Update ids are per bot: several bots may share one Redis.
            bot = data.get("bot")
            key = f"tg:update:{bot.id if bot else 0}:{event.update_id}"
            try:
                first = await self._cache.add(key, "1", SEEN_TTL_SECONDS)
            except CACHE_ERRORS as exc:
                # Handling a rare redelivery twice beats dropping every update while Redis is
                # away: dreams are de-duplicated again by their origin key when saved.
                log.warning("update de-duplication skipped: %s", type(exc).__name__)
                first = True
            if not first:
                log.info("duplicate update %s ignored", event.update_id)
                return None
        return await handler(event, data)
