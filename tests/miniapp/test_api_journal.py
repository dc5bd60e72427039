"""The journal API over real analysed dreams: filters and cursor pages, a dream with its
analysis, statistics, the lunar calendar and the export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from core.db.models import User
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app

TEXTS = [
    "I was swimming in dark water near my old school and a dog followed me along the shore.",
    "My mother and I were flying over a city at night and I felt very happy and free.",
    "A stranger chased me through a dark forest and I was terrified that he would catch me.",
    "I was late for an exam at the university, I could not find the room and felt anxious.",
    "Мне снилось, что я иду по мосту над рекой, а рядом со мной идёт моя сестра.",
]
USER = 5005


@pytest.fixture
async def journal() -> AsyncIterator[Web]:
    async with initialised_db("sqlite") as url, web_app(url) as web:
        await web.call("GET", "/api/v1/me", USER)  # the Mini App creates the account
        user = await User.get(telegram_id=USER)
        await User.filter(id=user.id).update(dream_balance=10)
        start = datetime(2026, 3, 1, 7, 0, tzinfo=UTC)
        for index, text in enumerate(TEXTS):
            await analysed_dream(
                await User.get(id=user.id), text, start + timedelta(days=10 * index)
            )
        yield web


async def test_the_journal_pages_by_cursor_newest_first(journal: Web) -> None:
    status, first = await journal.call("GET", "/api/v1/dreams?limit=2", USER)
    assert status == 200 and len(first["items"]) == 2 and first["next_cursor"]
    assert first["items"][0]["excerpt"].startswith("Мне снилось")
    seen = [item["id"] for item in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        _, page = await journal.call("GET", f"/api/v1/dreams?limit=2&cursor={cursor}", USER)
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == len(TEXTS)


async def test_the_journal_filters(journal: Web) -> None:
    _, found = await journal.call("GET", "/api/v1/dreams?q=forest", USER)
    assert [i["excerpt"][:18] for i in found["items"]] == ["A stranger chased "]
    _, water = await journal.call("GET", "/api/v1/dreams?symbol=water", USER)
    assert any("water" in i["symbols"] for i in water["items"]) and water["items"]
    _, dated = await journal.call("GET", "/api/v1/dreams?from=2026-03-10&to=2026-03-12", USER)
    assert len(dated["items"]) == 1
    _, moods = await journal.call("GET", "/api/v1/dreams?mood=negative", USER)
    assert all(i["mood"] == "negative" for i in moods["items"])
    status, body = await journal.call("GET", "/api/v1/dreams?cursor=bm9wZQ", USER)
    assert (status, body["error"]["code"]) == (422, "bad_cursor")


async def test_a_dream_comes_with_its_analysis(journal: Web) -> None:
    _, page = await journal.call("GET", "/api/v1/dreams?q=swimming", USER)
    status, dream = await journal.call("GET", f"/api/v1/dreams/{page['items'][0]['id']}", USER)
    assert status == 200 and dream["status"] == "analyzed"
    analysis = dream["analysis"]
    assert analysis["interpretation"] and analysis["hvdc_card"]["characters"]
    assert any(s["key"] == "water" for s in analysis["symbols"])
    assert analysis["lunar"]["lunar_day"] in range(1, 31)


async def test_stats_compare_with_norms_and_say_the_sample_is_small(journal: Web) -> None:
    status, stats = await journal.call("GET", "/api/v1/stats", USER)
    assert status == 200
    profile = stats["profile"]
    assert profile["n_dreams"] == len(TEXTS) and profile["enough_dreams"] is False
    assert profile["norm_group"] == "pooled" and profile["rows"]
    assert any("too few" in sentence for sentence in profile["reading"])
    assert [m["month"] for m in stats["months"]] == ["2026-03", "2026-04"]
    assert stats["symbols"] and stats["characters"]
    assert stats["moon"]["enough"] is False
    status, png = await journal.call("GET", "/api/v1/stats/h-profile.png", USER)
    assert status == 200 and png[:8] == b"\x89PNG\r\n\x1a\n"


async def test_the_norms_follow_the_users_sex(journal: Web) -> None:
    await journal.call("PATCH", "/api/v1/me/settings", USER, json={"sex": "female"})
    _, stats = await journal.call("GET", "/api/v1/stats", USER)
    assert stats["profile"]["norm_group"] == "female"


async def test_lunar_today_day_and_month(journal: Web) -> None:
    status, today = await journal.call("GET", "/api/v1/lunar/today", USER)
    assert status == 200 and 1 <= today["lunar_day"] <= 30 and today["note"]
    _, day = await journal.call("GET", "/api/v1/lunar/day/2024-04-08", USER)
    assert day["phase"] == "new_moon"
    _, month = await journal.call("GET", "/api/v1/lunar/month/2024-04", USER)
    assert len(month["days"]) == 30
    status, body = await journal.call("GET", "/api/v1/lunar/month/2024-13", USER)
    assert (status, body["error"]["code"]) == (422, "bad_month")


async def test_export_holds_every_dream_and_analysis(journal: Web) -> None:
    status, raw = await journal.call("GET", "/api/v1/export", USER)
    assert status == 200
    document = raw if isinstance(raw, dict) else json.loads(raw)
    assert sorted(d["text"] for d in document["dreams"]) == sorted(TEXTS)
    assert all(len(d["analyses"]) == 1 for d in document["dreams"])
    status, raw_csv = await journal.call("GET", "/api/v1/export?format=csv", USER)
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    assert sorted(r["text"] for r in rows) == sorted(TEXTS)
    assert all(r["interpretation"] for r in rows)
