"""Per-user message rate limit (aiogram 3 has none built in), in memory or in Redis.

Commands and other chatter beyond the limit are dropped (with one warning per window). A dream
never is: a text or voice message that may be a dream always reaches its handler, which stores
it first; over the limit the handler receives ``pace`` and waits for its turn before starting
the analysis, so a burst of dreams is analysed at a bounded pace, as far as the user's credits
go, and every one of them is in the journal.
"""

from __future__ import annotations

import asyncio
import logging
import time
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
#: The longest a paced dream waits for its turn before its analysis starts anyway (the worker
#: pool still bounds the work; the dream was stored long before).
MAX_PACE_SECONDS = 60.0
PACE_STEP_SECONDS = 0.25

#: Waits until the user's rate limit lets one more analysis start.
Pace = Callable[[], Awaitable[None]]


def may_be_a_dream(message: Message) -> bool:
    """Text that is not a command, or a voice note: never dropped by the rate limit."""
    if message.text is not None:
        return not message.text.startswith("/")
    return message.voice is not None or message.audio is not None


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
        if await self._allow(key):
            return await handler(event, data)
        if may_be_a_dream(event):
            log.info("paced a dream from a user")
            data["pace"] = lambda: self._wait_turn(key)
            return await handler(event, data)
        log.info("throttled a message from a user")
        if await self._cache.add(f"throttle-warned:{event.from_user.id}", "1", WARN_EVERY_SECONDS):
            await event.answer(_("You are sending messages too fast. Please wait a moment."))
        return None

    async def _allow(self, key: str) -> bool:
        try:
            return await self._limiter.allow(key)
        except CACHE_ERRORS as exc:
            # A user's dream must not be lost because the rate limiter's store is away.
            log.warning("rate limit skipped: %s", type(exc).__name__)
            return True

    async def _wait_turn(self, key: str) -> None:
        deadline = time.monotonic() + MAX_PACE_SECONDS
        while time.monotonic() < deadline:
            if await self._allow(key):
                return
            await asyncio.sleep(PACE_STEP_SECONDS)
