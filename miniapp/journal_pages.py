"""Journal pages as the API sent them, reused until the journal changes.

A Mini App user goes back and forth between the journal and a dream, and each return asks for
the same page; building it (two queries, twenty excerpts, JSON) costs far more than sending
bytes already made. Whether a page is still right is not asked of the database on each request:
every write that changes a journal publishes it (``core.dreams.journal_changes``), this process
watches that feed, and the pages of the account named are dropped (:meth:`changed`).

Correctness rules, in the order they matter:

* Pages are served and stored only while the watch is *live* (every change known to reach
  us); when it is not (not yet subscribed, Redis away, reconnecting), every request builds its
  page afresh, and the watch resets us (:meth:`reset`: everything dropped) when it is back.
* A page is stored only if no change of its account (and no reset) was heard while it was being
  built: the caller takes a :meth:`ticket` *before* reading the database and hands it to
  :meth:`put`, so a page read just before a change cannot be stored just after it.
* Pages live ``ttl_s`` at most (a last bound should a message ever be lost in Redis's hands),
  at most ``max_pages`` of them, oldest dropped first.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable

from core.dreams.journal_changes import Watch

#: How many accounts' change counts are remembered before they are all forgotten at once (which
#: voids the tickets out, as a reset does).
MAX_COUNTS = 4096


class JournalPages:
    def __init__(
        self,
        ttl_s: float = 30.0,
        max_pages: int = 512,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl_s, self._max_pages, self._clock = ttl_s, max_pages, clock
        self._pages: OrderedDict[tuple[uuid.UUID, Hashable], tuple[float, bytes]] = OrderedDict()
        #: Bumped by every reset; with each account's change count, what a ticket holds.
        self._epoch = 0
        self._changes: dict[uuid.UUID, int] = {}
        #: The feed's watch (``miniapp.app`` sets it while the app runs); None: not watching.
        self.watch: Watch | None = None

    @property
    def live(self) -> bool:
        return self._ttl_s > 0 and self.watch is not None and self.watch.live

    def ticket(self, user_id: uuid.UUID) -> tuple[int, int] | None:
        """What :meth:`put` checks: take it before reading what the page shows. None when no
        page may be stored now."""
        if not self.live:
            return None
        return (self._epoch, self._changes.get(user_id, 0))

    def get(self, user_id: uuid.UUID, key: Hashable) -> bytes | None:
        if not self.live:
            return None
        self._drop_expired()
        found = self._pages.get((user_id, key))
        return found[1] if found is not None else None

    def put(
        self, user_id: uuid.UUID, key: Hashable, body: bytes, ticket: tuple[int, int] | None
    ) -> None:
        """Keep ``body`` unless the account changed (or the watch faltered) since ``ticket``."""
        if ticket is None or ticket != self.ticket(user_id):
            return
        # Oldest first: insertion order is expiry order, so expired pages are at the front.
        self._pages.pop((user_id, key), None)
        self._pages[(user_id, key)] = (self._clock() + self._ttl_s, body)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    def held(self, user_id: uuid.UUID) -> int:
        """How many pages of the account are kept (for tests and the bench)."""
        return sum(1 for entry in self._pages if entry[0] == user_id)

    def _drop_expired(self) -> None:
        now = self._clock()
        while self._pages and next(iter(self._pages.values()))[0] <= now:
            self._pages.popitem(last=False)

    def changed(self, user_id: uuid.UUID) -> None:
        """The account's journal changed (or the account is gone): drop its pages."""
        if len(self._changes) >= MAX_COUNTS and user_id not in self._changes:
            self.reset()
        self._changes[user_id] = self._changes.get(user_id, 0) + 1
        for entry in [entry for entry in self._pages if entry[0] == user_id]:
            del self._pages[entry]

    def reset(self) -> None:
        """Changes may have been missed: drop every page and void every ticket."""
        self._epoch += 1
        self._changes.clear()
        self._pages.clear()
