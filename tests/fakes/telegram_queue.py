"""The getUpdates queue of the fake server: long polling, offsets and ``allowed_updates``.

Confirmation is by delivery, not by id alone: an update is dropped only once it was handed out
and a later ``offset`` is above its id. So a duplicate ``update_id`` pushed after the original
was confirmed is still delivered, which is what a product's dedup has to cope with.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# Telegram's default when allowed_updates was never set or set to []: all types but these.
NOT_DELIVERED_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


def update_type(update: dict[str, Any]) -> str:
    """The update's kind: its one key besides ``update_id`` (``message``, ``callback_query``…)."""
    kinds = [key for key in update if key != "update_id"]
    return kinds[0] if kinds else "unknown"


@dataclass
class _Queued:
    update: dict[str, Any]
    delivered: bool = False


class UpdateQueue:
    """Updates waiting for getUpdates, with an event long polls wait on."""

    def __init__(self) -> None:
        self._items: list[_Queued] = []
        self._next_id = 1
        self._arrived = asyncio.Event()
        self._closed = False
        self.allowed_updates: list[str] | None = None
        self.filtered: list[dict[str, Any]] = []

    def __len__(self) -> int:
        return len(self._items)

    def push(self, update: dict[str, Any], update_id: int | None = None) -> dict[str, Any]:
        """Queue ``update``, numbering it unless an explicit (possibly duplicate) id is given."""
        if update_id is None:
            update_id = update.get("update_id") or self._next_id
        self._next_id = max(self._next_id, update_id + 1)
        queued = {"update_id": update_id, **{k: v for k, v in update.items() if k != "update_id"}}
        self._items.append(_Queued(queued))
        self._arrived.set()
        return queued

    def discard(self, update: dict[str, Any]) -> None:
        """Take the first queued copy of ``update`` out (it went to a webhook instead)."""
        for index, item in enumerate(self._items):
            if item.update == update:
                del self._items[index]
                return

    def clear(self) -> None:
        """Drop every pending update (``drop_pending_updates``)."""
        self._items.clear()

    def close(self) -> None:
        """Wake every long poll so server shutdown does not wait for poll timeouts."""
        self._closed = True
        self._arrived.set()

    async def next_batch(
        self, offset: int | None, limit: int, wait_s: float, allowed: list[str] | None
    ) -> list[dict[str, Any]]:
        """Confirm below ``offset``, then return up to ``limit`` updates, waiting up to
        ``wait_s`` seconds for the first one to arrive."""
        if allowed is not None:
            self.allowed_updates = allowed
        self._confirm(offset)
        self._drop_not_allowed()
        if not self._items and wait_s > 0 and not self._closed:
            self._arrived.clear()
            try:
                async with asyncio.timeout(wait_s):
                    await self._arrived.wait()
            except TimeoutError:
                pass
            self._drop_not_allowed()
        return self._take(limit)

    def _confirm(self, offset: int | None) -> None:
        if offset is None:
            return
        self._items = [
            item
            for item in self._items
            if not (item.delivered and item.update["update_id"] < offset)
        ]

    def _is_allowed(self, kind: str) -> bool:
        if self.allowed_updates:
            return kind in self.allowed_updates
        return kind not in NOT_DELIVERED_BY_DEFAULT

    def _drop_not_allowed(self) -> None:
        kept = []
        for item in self._items:
            if self._is_allowed(update_type(item.update)):
                kept.append(item)
            else:
                # Telegram silently discards such updates; keep them visible for debugging.
                log.debug("update %s not in allowed_updates", item.update["update_id"])
                self.filtered.append(item.update)
        self._items = kept

    def _take(self, limit: int) -> list[dict[str, Any]]:
        batch = self._items[: max(1, min(limit, 100))]
        for item in batch:
            item.delivered = True
        return [item.update for item in batch]
