"""A journal page is reused only while the journal is unchanged: a dream told in the chat, an
analysis finished by a worker, a deletion or a new time zone show at once; on both databases."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from core.db.models import Dream, DreamStatus, User
from core.dreams.queries import mark
from miniapp.journal_pages import JournalPages
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app

USER = 7007
FIRST = "I was swimming in dark water near my old school and a dog followed me along the shore."
SECOND = "My mother and I were flying over a city at night and I felt very happy and free."


@pytest.fixture(params=["sqlite", "postgres"])
async def journal(request: pytest.FixtureRequest) -> AsyncIterator[Web]:
    async with initialised_db(request.param) as url, web_app(url) as web:
        await web.call("GET", "/api/v1/me", USER)
        await User.filter(telegram_id=USER).update(dream_balance=5)
        await analysed_dream(await User.get(telegram_id=USER), FIRST)
        yield web


async def _items(web: Web) -> list[dict[str, Any]]:
    status, page = await web.call("GET", "/api/v1/dreams", USER)
    assert status == 200
    return list(page["items"])


async def test_a_dream_told_elsewhere_and_its_analysis_show_at_once(journal: Web) -> None:
    assert len(await _items(journal)) == 1
    user = await User.get(telegram_id=USER)

    dream = await Dream.create(user=user, text=SECOND, status=DreamStatus.QUEUED)  # the bot
    [new, _old] = await _items(journal)
    assert (new["id"], new["status"], new["mood"]) == (str(dream.id), "queued", None)

    await mark(dream, DreamStatus.ANALYZING)  # a worker picks it up
    assert (await _items(journal))[0]["status"] == "analyzing"


async def test_an_analysed_dream_and_a_deletion_show_at_once(journal: Web) -> None:
    await _items(journal)
    await analysed_dream(await User.get(telegram_id=USER), SECOND)
    items = await _items(journal)
    assert [i["status"] for i in items] == ["analyzed", "analyzed"] and items[0]["mood"]

    status, _ = await journal.call("DELETE", f"/api/v1/dreams/{items[0]['id']}", USER)
    assert status in (200, 204)
    assert [i["id"] for i in await _items(journal)] == [items[1]["id"]]


async def test_a_new_time_zone_moves_the_nights_at_once(journal: Web) -> None:
    evening = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 10:00 next morning at UTC+14
    await Dream.filter(text=FIRST).update(created_at=evening)
    [before] = await _items(journal)

    zone = {"timezone": "Pacific/Kiritimati"}
    assert (await journal.call("PATCH", "/api/v1/me/settings", USER, json=zone))[0] == 200
    [after] = await _items(journal)

    assert (before["night_of"], after["night_of"]) == ("2026-03-01", "2026-03-02")


def test_pages_expire_and_a_deleted_users_pages_are_forgotten() -> None:
    now = [0.0]
    pages = JournalPages(ttl_s=30, clock=lambda: now[0])
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    pages.put(mine, "p1", b"mine")
    pages.put(theirs, "p1", b"theirs")

    assert pages.get(mine, "p1") == b"mine"
    pages.forget(mine)
    assert pages.get(mine, "p1") is None and pages.get(theirs, "p1") == b"theirs"
    now[0] = 31.0
    assert pages.get(theirs, "p1") is None
