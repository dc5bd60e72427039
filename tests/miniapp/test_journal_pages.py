"""A journal page is reused only until its journal changes: a dream told, claimed, analysed or
deleted, or a new time zone, shows on the next read; embedded (the in-process feed) and with
Redis (the pub/sub feed), on both databases. Pages are kept only while the feed is watched."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from core.db.models import Dream, DreamSource, DreamStatus, User
from core.dreams.intake import save_dream, validate_dream
from core.dreams.journal_feed_redis import RedisWatch
from core.dreams.queries import mark
from miniapp.journal_pages import MAX_COUNTS, JournalPages
from miniapp.keys import JOURNAL_PAGES
from tests import services
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app

USER = 7007
FIRST = "I was swimming in dark water near my old school and a dog followed me along the shore."
SECOND = "My mother and I were flying over a city at night and I felt very happy and free."


def pages_of(web: Web) -> JournalPages:
    return web.client.app[JOURNAL_PAGES]


async def watching(web: Web) -> None:
    """Wait until the app's watch is live (the Redis subscription confirmed)."""
    watch = pages_of(web).watch
    if isinstance(watch, RedisWatch):
        await asyncio.wait_for(watch.subscribed.wait(), 10)
    assert pages_of(web).live


@pytest.fixture(params=["sqlite-embedded", "postgres-redis"])
async def journal(request: pytest.FixtureRequest) -> AsyncIterator[Web]:
    kind, feed = request.param.split("-")
    redis_url = services.redis_url() if feed == "redis" else None
    async with initialised_db(kind) as url, web_app(url, redis_url) as web:
        await web.call("GET", "/api/v1/me", USER)
        await User.filter(telegram_id=USER).update(dream_balance=5)
        await analysed_dream(await User.get(telegram_id=USER), FIRST)
        await watching(web)
        yield web


async def items(web: Web, **query: str) -> list[dict[str, Any]]:
    status, page = await web.call("GET", "/api/v1/dreams", USER, params=query)
    assert status == 200
    return list(page["items"])


async def tell(user: User, text: str) -> Dream:
    """A dream told in the chat, through the bot's own write."""
    told = validate_dream(text, min_chars=10, max_chars=10_000)
    dream, created = await save_dream(user, told, source=DreamSource.TEXT)
    assert created
    return dream


async def test_a_dream_told_elsewhere_and_its_claim_show_on_the_next_read(journal: Web) -> None:
    user = await User.get(telegram_id=USER)
    assert len(await items(journal)) == 1
    assert pages_of(journal).held(user.id) == 1  # the page is kept...
    assert len(await items(journal)) == 1  # ...and served

    dream = await tell(user, SECOND)
    assert pages_of(journal).held(user.id) == 0
    [new, _old] = await items(journal)
    assert (new["id"], new["status"], new["mood"]) == (str(dream.id), "queued", None)

    await mark(dream, DreamStatus.ANALYZING)  # a worker picks it up
    assert (await items(journal))[0]["status"] == "analyzing"


async def test_an_analysed_dream_and_a_deletion_show_on_the_next_read(journal: Web) -> None:
    await items(journal)
    await analysed_dream(await User.get(telegram_id=USER), SECOND)
    found = await items(journal)
    assert [i["status"] for i in found] == ["analyzed", "analyzed"] and found[0]["mood"]

    status, _ = await journal.call("DELETE", f"/api/v1/dreams/{found[0]['id']}", USER)
    assert status in (200, 204)
    assert [i["id"] for i in await items(journal)] == [found[1]["id"]]


async def test_a_new_time_zone_moves_the_nights_at_once(journal: Web) -> None:
    evening = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 10:00 next morning at UTC+14
    await Dream.filter(text=FIRST).update(created_at=evening)
    pages_of(journal).reset()  # that raw write stands for the seeding, not for the product
    [before] = await items(journal)

    zone = {"timezone": "Pacific/Kiritimati"}
    assert (await journal.call("PATCH", "/api/v1/me/settings", USER, json=zone))[0] == 200
    [after] = await items(journal)

    assert (before["night_of"], after["night_of"]) == ("2026-03-01", "2026-03-02")


async def test_a_deleted_account_leaves_no_page_in_memory(journal: Web) -> None:
    user = await User.get(telegram_id=USER)
    await items(journal)
    await items(journal, limit="5")
    assert pages_of(journal).held(user.id) == 2
    status, _ = await journal.call("DELETE", "/api/v1/me", USER, json={"confirm": True})
    assert status == 200
    assert pages_of(journal).held(user.id) == 0


class Live:
    live = True


def test_a_page_read_before_a_change_is_not_kept_after_it() -> None:
    pages = JournalPages(ttl_s=30)
    pages.watch = Live()
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    ticket = pages.ticket(mine)
    pages.changed(mine)  # heard while the page was being built
    pages.put(mine, "p1", b"old", ticket)
    assert pages.get(mine, "p1") is None

    ticket, other = pages.ticket(mine), pages.ticket(theirs)
    pages.changed(theirs)  # someone else's change does not void mine
    pages.put(mine, "p1", b"new", ticket)
    pages.put(theirs, "p1", b"theirs", other)
    assert (pages.get(mine, "p1"), pages.get(theirs, "p1")) == (b"new", None)

    ticket = pages.ticket(theirs)
    pages.reset()  # changes may have been missed: everything goes, tickets too
    pages.put(theirs, "p1", b"theirs", ticket)
    assert (pages.get(mine, "p1"), pages.get(theirs, "p1")) == (None, None)


def test_nothing_is_kept_or_served_while_the_feed_is_not_watched() -> None:
    pages, watch = JournalPages(ttl_s=30), Live()
    user = uuid.uuid4()
    assert pages.ticket(user) is None  # no watch yet
    pages.watch = watch
    pages.put(user, "p1", b"page", pages.ticket(user))
    watch.live = False
    assert pages.get(user, "p1") is None and pages.ticket(user) is None
    watch.live = True
    assert pages.get(user, "p1") == b"page"  # the watch resets the pages if it missed anything


def test_pages_expire_and_the_change_counts_stay_bounded() -> None:
    now = [0.0]
    pages = JournalPages(ttl_s=30, clock=lambda: now[0])
    pages.watch = Live()
    user = uuid.uuid4()
    pages.put(user, "p1", b"page", pages.ticket(user))
    now[0] = 31.0
    assert pages.get(user, "p1") is None

    ticket = pages.ticket(user)
    for _ in range(MAX_COUNTS + 1):
        pages.changed(uuid.uuid4())
    pages.put(user, "p1", b"page", ticket)  # the counts were forgotten: the ticket is void
    assert pages.get(user, "p1") is None and len(pages._changes) <= MAX_COUNTS
