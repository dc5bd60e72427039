"""The journal change feed across processes, on PostgreSQL and real Redis: a dream told by
another process shows on the web's next journal read, and while the subscription is down
(Redis stopped, or silent) the page is never stale — it is built afresh, and the pages kept
from before are dropped when the subscription is back."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from core.db.models import Dream, User
from core.dreams.journal_feed_redis import RedisWatch
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, web_app
from tests.miniapp.test_journal_pages import FIRST, SECOND, USER, items, pages_of, tell, watching
from tests.own_redis import own_redis

THIRD = "A white horse stood in the kitchen of my grandmother's house and it spoke to me."
WAIT_S = 15.0


async def seeded(web: Web) -> User:
    await web.call("GET", "/api/v1/me", USER)
    user = await User.get(telegram_id=USER)
    await tell(user, FIRST)
    await watching(web)
    return user


def watch_of(web: Web) -> RedisWatch:
    watch = pages_of(web).watch
    assert isinstance(watch, RedisWatch)
    return watch


async def write_elsewhere(web: Web, text: str) -> str:
    """Tell a dream from another OS process (its own runtime, same database and Redis)."""
    settings = web.services.settings
    assert settings.redis_url is not None
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "tests.miniapp.journal_writer", settings.database_url),
        *(settings.redis_url, settings.redis_namespace, str(USER), text),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0
    return out.decode().strip().splitlines()[-1]


@pytest.fixture
async def shared(redis_url: str) -> AsyncIterator[Web]:
    async with initialised_db("postgres") as url, web_app(url, redis_url) as web:
        yield web


async def test_a_dream_told_by_another_process_shows_on_the_next_read(shared: Web) -> None:
    user = await seeded(shared)
    assert len(await items(shared)) == 1 and pages_of(shared).held(user.id) == 1

    dream_id = await write_elsewhere(shared, SECOND)

    [newest, _first] = await items(shared)
    assert newest["id"] == dream_id


async def outage(web: Web, server: asyncio.subprocess.Process, silent: bool) -> None:
    """Stop Redis: killed (the connection closes) or frozen (it goes silent)."""
    if silent:
        server.send_signal(signal.SIGSTOP)
    else:
        server.terminate()
        await server.wait()
    await asyncio.wait_for(watch_of(web).lost.wait(), WAIT_S)


@pytest.mark.parametrize("silent", [False, True], ids=["killed", "frozen"])
async def test_with_the_subscription_down_the_page_is_never_stale(silent: bool) -> None:
    async with (
        own_redis() as (url, server),
        initialised_db("postgres") as database,
        web_app(database, url) as web,
    ):
        port = urlsplit(url).port
        try:
            user = await seeded(web)
            await items(web)
            assert pages_of(web).held(user.id) == 1
            await outage(web, server, silent)

            # Another process's write, whose message could not reach us.
            await Dream.create(user=user, text=SECOND)
            assert len(await items(web)) == 2 and pages_of(web).held(user.id) == 0
            await Dream.create(user=user, text=THIRD)
            assert len(await items(web)) == 3  # built afresh each time, kept never

            if silent:
                server.send_signal(signal.SIGCONT)
                await back(web)
            else:
                async with own_redis(port):
                    await back(web)
        finally:
            with contextlib.suppress(ProcessLookupError):
                server.send_signal(signal.SIGCONT)


async def back(web: Web) -> None:
    """Once subscribed again, pages are kept again, and none from before the outage."""
    await asyncio.wait_for(watch_of(web).subscribed.wait(), WAIT_S)
    user = await User.get(telegram_id=USER)
    await Dream.create(user=user, text="Missed while away: " + THIRD)  # published to nobody
    found: list[dict[str, Any]] = await items(web)  # the reset dropped what was kept
    assert len(found) == 4 and pages_of(web).held(user.id) == 1
