"""Keeps count of the updates being handled, so a stopping bot lets them finish.

aiogram's long polling hands each update to a task of its own and, when polling stops, returns
without waiting for those tasks. The process would then close the Bot API session under a
handler that is still replying: the user's answer is lost, and the handler's next call opens a
fresh HTTP session that nobody closes. Registered first on ``dp.update``, this middleware sees
every update's whole handling; :meth:`InFlightUpdates.drain` waits for them (bounded).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject


class InFlightUpdates(BaseMiddleware):
    def __init__(self) -> None:
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def running(self) -> int:
        return self._running

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._running += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._running -= 1
            if self._running == 0:
                self._idle.set()

    async def drain(self, within_s: float) -> bool:
        """Wait until no update is being handled, at most ``within_s`` seconds; True if none is."""
        if self._running == 0:
            return True
        try:
            await asyncio.wait_for(self._idle.wait(), within_s)
        except TimeoutError:
            return False
        return True
