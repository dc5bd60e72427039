"""Drops an update whose ``update_id`` was already handled (webhook retries, redeliveries).

An update is first *claimed* for a short lease and only marked *handled* once its handler has
returned. A process that dies mid-update (SIGKILL, out of memory) leaves just the lease behind:
when Telegram delivers the update again after the lease, it is handled — a dream sent at the
moment of a crash is not dropped as a "duplicate" of an update that was never finished. An update
whose handler raised is released at once, for the same reason.
"""

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
#: How long an update being handled keeps its twins away. Longer than any handler takes (the
#: webhook answers within 50 s), short enough that a redelivery after a crash is handled.
HANDLING_LEASE_SECONDS = 90

_HANDLING = "handling"
_HANDLED = "handled"


class DeduplicateUpdatesMiddleware(BaseMiddleware):
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        # Update ids are per bot: several bots may share one Redis.
        bot = data.get("bot")
        key = f"tg:update:{bot.id if bot else 0}:{event.update_id}"
        if not await self._claim(key):
            log.info("duplicate update %s ignored", event.update_id)
            return None
        try:
            result = await handler(event, data)
        except BaseException:
            await self._settle(key, handled=False)
            raise
        await self._settle(key, handled=True)
        return result

    async def _claim(self, key: str) -> bool:
        try:
            return await self._cache.add(key, _HANDLING, HANDLING_LEASE_SECONDS)
        except CACHE_ERRORS as exc:
            # Handling a rare redelivery twice beats dropping every update while Redis is
            # away: dreams are de-duplicated again by their origin key when saved.
            log.warning("update de-duplication skipped: %s", type(exc).__name__)
            return True

    async def _settle(self, key: str, *, handled: bool) -> None:
        try:
            if handled:
                await self._cache.set(key, _HANDLED, SEEN_TTL_SECONDS)
            else:
                await self._cache.delete(key)
        except CACHE_ERRORS as exc:
            log.warning("update de-duplication not recorded: %s", type(exc).__name__)
