"""The caller's account by Telegram id, read on every API request by a fixed statement (and
remembered for a moment for reads: :class:`RecentAccounts`).

Every request of the Mini App and the dashboard loads its user; the ORM's query building costs
more CPU than the query itself (``core.db.sql`` says why and how much), so this read skips it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache

from core.db import sql
from core.db.models import User


@cache
def _by_telegram_id() -> sql.Statement:
    return sql.Statement(f"SELECT {sql.columns(User, 'u')} FROM users u WHERE u.telegram_id = $1")


async def user_by_telegram_id(telegram_id: int) -> User | None:
    rows = await sql.fetch(_by_telegram_id(), telegram_id)
    return sql.model_from_row(User, rows[0]) if rows else None


class RecentAccounts:
    """Accounts read in the last ``ttl_s`` seconds, by Telegram id, for read-only requests.

    Opening a Mini App page makes several API reads within a second, each needing the caller's
    account; on a busy server that row read was most of a read's CPU (measured with
    ``bench/web_api.py``). A changing request reads the row afresh and forgets the entry before
    and after it runs, so this process never serves its own stale write; another process's
    change (the bot's /settings, a payment webhook of another web process) shows within
    ``ttl_s``. Handlers of reads treat the account as read-only. ``ttl_s`` 0 turns it off.
    """

    def __init__(
        self, ttl_s: float, max_items: int = 4096, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl_s, self._max_items, self._clock = ttl_s, max_items, clock
        self._accounts: dict[int, tuple[float, User]] = {}

    def get(self, telegram_id: int) -> User | None:
        found = self._accounts.get(telegram_id)
        if found is None:
            return None
        if found[0] <= self._clock():
            del self._accounts[telegram_id]
            return None
        return found[1]

    def put(self, telegram_id: int, account: User) -> None:
        if self._ttl_s <= 0:
            return
        if len(self._accounts) >= self._max_items:
            self._drop_expired()
        if len(self._accounts) < self._max_items:
            self._accounts[telegram_id] = (self._clock() + self._ttl_s, account)

    def forget(self, telegram_id: int) -> None:
        self._accounts.pop(telegram_id, None)

    def _drop_expired(self) -> None:
        now = self._clock()
        for key in [k for k, (until, _) in self._accounts.items() if until <= now]:
            del self._accounts[key]
