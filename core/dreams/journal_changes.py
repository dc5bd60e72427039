""" "The journal of account X changed": published by every write that changes what a journal
page shows, heard by whoever caches pages (the web process), in every process of a deployment.

The port is :class:`JournalFeed`: ``publish`` a change, ``watch`` the changes. Two adapters:
:class:`LocalFeed` for the embedded single-process deployment (the listeners are called at
once, nothing can be missed) and ``core.dreams.journal_feed_redis.RedisFeed`` (Redis pub/sub)
when the bot, the workers and the web run as separate processes.

A watcher's :class:`Watch` says whether every change is known to reach it (``live``); a cache
may serve only while it is live, and a listener is ``reset`` (forget everything) whenever
changes may have been missed — before the first subscription, after a lost connection.

Why a hub (:func:`journal_changed`) instead of a feed passed to every write: the writes that
change a journal are spread over a dozen core functions (a dream told, claimed, marked, analysed,
moved to another night, transcribed, deleted; an account erased) that all write through the
process's one database connection, which the composition root also sets up once. The root
connects the process's feed here (:func:`publishing_to`) beside the database, and every write
announces itself after its commit, whichever adapter (bot, worker, web) called it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from typing import Protocol

log = logging.getLogger(__name__)


class JournalListener(Protocol):
    """What a cache of journal pages offers the feed."""

    def changed(self, user_id: uuid.UUID) -> None:
        """The journal of ``user_id`` changed: drop what is kept of it."""
        ...

    def reset(self) -> None:
        """Changes may have been missed: drop everything."""
        ...


class Watch(Protocol):
    @property
    def live(self) -> bool:
        """True while every published change is known to reach the listener."""
        ...


class JournalFeed(Protocol):
    """The port: carries "the journal of account X changed" to every process watching."""

    async def publish(self, user_id: uuid.UUID) -> None: ...

    def watch(self, listener: JournalListener) -> AbstractAsyncContextManager[Watch]:
        """Deliver changes to ``listener`` while the context is open."""
        ...


class _Always:
    live = True


class LocalFeed:
    """The embedded deployment's feed: one process, so a change reaches the listeners before
    ``publish`` returns and none can be missed (always live)."""

    def __init__(self) -> None:
        self._listeners: list[JournalListener] = []

    async def publish(self, user_id: uuid.UUID) -> None:
        self.tell(user_id)

    def tell(self, user_id: uuid.UUID) -> None:
        """Tell this process's listeners (also used by the Redis feed for its own writes)."""
        for listener in tuple(self._listeners):
            listener.changed(user_id)

    @asynccontextmanager
    async def watch(self, listener: JournalListener) -> AsyncIterator[Watch]:
        with self.listening(listener):
            yield _Always()

    @contextmanager
    def listening(self, listener: JournalListener) -> Iterator[None]:
        self._listeners.append(listener)
        try:
            yield
        finally:
            self._listeners.remove(listener)


_feeds: list[JournalFeed] = []


@contextmanager
def publishing_to(feed: JournalFeed) -> Iterator[None]:
    """Make this process's writes publish to ``feed`` while the context is open (the
    composition root opens it for as long as its runtime lives)."""
    _feeds.append(feed)
    try:
        yield
    finally:
        _feeds.remove(feed)


async def journal_changed(user_id: uuid.UUID) -> None:
    """Announce that ``user_id``'s journal changed; call it after the write is committed.

    A feed that cannot publish (Redis away) is logged, never raised: the write stands, and a
    watcher that lost Redis too stops serving its cache until it has subscribed again.
    """
    for feed in tuple(_feeds):
        try:
            await feed.publish(user_id)
        except Exception as exc:  # the change is stored; a lost message must not undo it
            log.warning("journal change not published: %s", type(exc).__name__)
