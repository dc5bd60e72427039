"""Conversation state that degrades instead of failing while Redis is away.

aiogram reads the chat's state before every handler. On Redis alone that read fails while Redis
is down, and with it every update — a dream included, before it could be stored. Here reads
fall back to "no state" (the message is taken as a new dream, which is stored and analysed);
writes still fail, so a step that needs its state answers with the error reply.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from core.cache import CACHE_ERRORS

log = logging.getLogger(__name__)


class FailSoftStorage(BaseStorage):
    """Wraps another storage (Redis); its reads answer "nothing" while it is unreachable."""

    def __init__(self, inner: BaseStorage) -> None:
        self.inner = inner

    async def set_state(self, key: StorageKey, state: str | State | None = None) -> None:
        await self.inner.set_state(key, state)

    async def get_state(self, key: StorageKey) -> str | None:
        try:
            return await self.inner.get_state(key)
        except CACHE_ERRORS as exc:
            log.warning("conversation state unavailable: %s", type(exc).__name__)
            return None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self.inner.set_data(key, data)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        try:
            return await self.inner.get_data(key)
        except CACHE_ERRORS as exc:
            log.warning("conversation data unavailable: %s", type(exc).__name__)
            return {}

    async def close(self) -> None:
        await self.inner.close()
