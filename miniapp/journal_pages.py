"""Journal pages as the API sent them, reused while the journal has not changed.

A Mini App user goes back and forth between the journal and a dream, and each return asks for
the same page; building it (two queries, twenty excerpts, JSON) costs far more than checking
that nothing changed (``core.dreams.search.journal_version``, one aggregate query). Entries are
keyed by everything the page depends on and live ``ttl_s`` at most: expired pages are dropped
by the next journal request, so a deleted account's excerpts leave this process's memory soon
even when another process deleted it (the deleting web process forgets them at once).
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable


class JournalPages:
    def __init__(
        self,
        ttl_s: float = 30.0,
        max_pages: int = 512,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl_s, self._max_pages, self._clock = ttl_s, max_pages, clock
        self._pages: OrderedDict[tuple[uuid.UUID, Hashable], tuple[float, bytes]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self._ttl_s > 0

    def get(self, user_id: uuid.UUID, key: Hashable) -> bytes | None:
        self._drop_expired()
        found = self._pages.get((user_id, key))
        return found[1] if found is not None else None

    def put(self, user_id: uuid.UUID, key: Hashable, body: bytes) -> None:
        if self._ttl_s <= 0:
            return
        # Oldest first: insertion order is expiry order, so expired pages are at the front.
        self._pages.pop((user_id, key), None)
        self._pages[(user_id, key)] = (self._clock() + self._ttl_s, body)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    def _drop_expired(self) -> None:
        now = self._clock()
        while self._pages and next(iter(self._pages.values()))[0] <= now:
            self._pages.popitem(last=False)

    def forget(self, user_id: uuid.UUID) -> None:
        """Drop every page of one user (their account is being deleted)."""
        for entry in [entry for entry in self._pages if entry[0] == user_id]:
            del self._pages[entry]
