"""The journal change feed over Redis pub/sub, for deployments whose bot, workers and web run
as separate processes (``core.dreams.journal_changes`` says what the feed is for).

Pub/sub delivers only to connected subscribers and says nothing about what a subscriber
missed while it was away, so the watch is *live* only while it is known to hear everything:
after its SUBSCRIBE is confirmed, and while the connection answers — silence is broken by a
PING every ``ping_s`` and a watch that heard nothing (not even the PONG) for ``grace_s`` is
not live. A lost connection, a fresh subscription and any re-subscription reset the listener
(its cache is dropped), since messages may have been lost in between. TCP keeps a connection's
messages in order, so anything published before a PONG arrives before it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from core.dreams.journal_changes import JournalListener, LocalFeed, Watch

log = logging.getLogger(__name__)

#: How often a silent subscription is pinged, and how long a watch stays live without hearing
#: anything: the longest a silently broken connection (no reset from the network) can serve.
PING_S, GRACE_S = 0.5, 2.0
#: The waits between reconnection attempts; the longest a stopping watch may hold a shutdown.
RETRY_S, MAX_RETRY_S, STOP_S = 0.1, 5.0, 2.0


class RedisFeed:
    """Publishes on one Redis channel; this process's own listeners hear at once as well."""

    def __init__(
        self, redis: Redis, channel: str, *, ping_s: float = PING_S, grace_s: float = GRACE_S
    ) -> None:
        self._redis, self._channel = redis, channel
        self._ping_s, self._grace_s = ping_s, grace_s
        self._local = LocalFeed()

    async def publish(self, user_id: uuid.UUID) -> None:
        self._local.tell(user_id)
        try:
            await self._redis.publish(self._channel, str(user_id))
        except Exception:  # one retry on a fresh connection before the caller logs the loss
            await self._redis.publish(self._channel, str(user_id))

    @asynccontextmanager
    async def watch(self, listener: JournalListener) -> AsyncIterator[Watch]:
        watch = RedisWatch(self._redis, self._channel, listener, self._ping_s, self._grace_s)
        with self._local.listening(listener):
            task = asyncio.create_task(watch.run(), name="journal-feed")
            try:
                yield watch
            finally:
                await watch.stop(task)


class RedisWatch:
    """One subscription, re-made whenever it breaks; ``live`` as the module docstring says."""

    def __init__(
        self,
        redis: Redis,
        channel: str,
        listener: JournalListener,
        ping_s: float,
        grace_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._redis, self._channel, self._listener = redis, channel, listener
        self._ping_s, self._grace_s, self._clock = ping_s, grace_s, clock
        self._subscribed = self._confirmed = self._stopped = False
        self._heard_at = float("-inf")
        #: Set while subscribed / while not (tests and the bench await them).
        self.subscribed, self.lost = asyncio.Event(), asyncio.Event()
        self.lost.set()

    @property
    def live(self) -> bool:
        return self._subscribed and self._clock() - self._heard_at < self._grace_s

    async def stop(self, task: asyncio.Task[None]) -> None:
        """End ``task`` (this watch's :meth:`run`) without holding up a shutdown: a redis-py
        read interrupted by the cancellation may not end at once, so the loop also ends on
        ``_stopped``, and after ``STOP_S`` the shutdown goes on regardless."""
        self._stopped = True
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=STOP_S)
        if not done:
            log.warning("journal change feed did not stop within %.0f s", STOP_S)
        self._down()

    async def run(self) -> None:
        delay = RETRY_S
        while not self._stopped:
            try:
                await self._follow()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # whatever broke, the subscription is re-made
                log.warning("journal change feed lost (%s); reconnecting", type(exc).__name__)
            if self._confirmed:
                delay = RETRY_S  # it worked for a while: start backing off afresh
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_S)

    async def _follow(self) -> None:
        pubsub = self._redis.pubsub()
        self._confirmed, self._heard_at = False, self._clock()  # the confirmation's wait
        try:
            await pubsub.subscribe(self._channel)
            while not self._stopped:
                message = await pubsub.get_message(timeout=self._ping_s)
                if message is None:
                    await self._ping_or_give_up(pubsub)
                    continue
                self._heard(message)
        finally:
            self._down()
            with contextlib.suppress(Exception):
                async with asyncio.timeout(STOP_S):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def _ping_or_give_up(self, pubsub: PubSub) -> None:
        if self._clock() - self._heard_at >= self._grace_s:
            raise TimeoutError("the subscription went silent")
        await pubsub.ping()

    def _heard(self, message: dict[str, Any]) -> None:
        self._heard_at = self._clock()
        kind = message.get("type")
        if kind == "message":
            user_id = _user_id(message.get("data"))
            if user_id is None:
                self._listener.reset()  # not ours to read: assume anyone's journal changed
            else:
                self._listener.changed(user_id)
        elif kind == "subscribe":
            # The first confirmation, or redis-py re-subscribing after a reconnection: changes
            # may have been published while nobody listened.
            self._listener.reset()
            self._subscribed = self._confirmed = True
            self.lost.clear()
            self.subscribed.set()

    def _down(self) -> None:
        self._subscribed = False
        self.subscribed.clear()
        self.lost.set()
        self._listener.reset()


def _user_id(data: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(data.decode() if isinstance(data, bytes) else str(data))
    except ValueError:
        return None
