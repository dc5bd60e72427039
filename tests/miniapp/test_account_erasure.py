"""Export then delete, checked table by table on PostgreSQL: the export holds every dream and
analysis; afterwards no row of any table mentions the user, their dreams or their words (billing
may keep ledger rows with no personal link), and the bot's conversation state in Redis is gone."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.storage.base import StorageKey
from redis.asyncio import Redis
from tortoise.connection import get_connection

from bot.dispatcher import create_dispatcher
from core.db.config import CONNECTION
from core.db.models import Transaction, TransactionKind, User
from tests import services
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app

VICTIM, BYSTANDER = 918_273_645, 918_273_646
TEXTS = [
    "I was swimming in dark water near my old school and a dog followed me along the shore.",
    "My mother and I were flying over a city at night and I felt very happy and free.",
    "Мне снилось, что я иду по мосту над рекой, а рядом со мной идёт моя сестра.",
]
OTHER = "A stranger chased me through a dark forest and I was terrified that he would catch me."


@pytest.fixture
async def web() -> AsyncIterator[Web]:
    async with initialised_db("postgres") as url, web_app(url, services.redis_url()) as app:
        yield app


async def _all_rows() -> dict[str, list[str]]:
    """Every row of every table of the database, as JSON text, by table."""
    connection = get_connection(CONNECTION)
    tables = [
        row["table_name"]
        for row in await connection.execute_query_dict(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        )
    ]
    found = {}
    for table in tables:
        rows = await connection.execute_query_dict(
            f'SELECT row_to_json(t)::text AS j FROM "{table}" t'
        )
        found[table] = [row["j"] for row in rows]
    return found


async def _seed() -> tuple[User, list[str]]:
    victim = await User.create(telegram_id=VICTIM, first_name="Vera", dream_balance=10)
    bystander = await User.create(telegram_id=BYSTANDER, first_name="Boris", dream_balance=3)
    ids = [str((await analysed_dream(await User.get(id=victim.id), text)).id) for text in TEXTS]
    await analysed_dream(bystander, OTHER)
    await Transaction.create(
        user=victim,
        kind=TransactionKind.PURCHASE,
        credits=10,
        amount_minor=500,
        currency="XTR",
        provider="stars",
        idempotency_key="test-charge-0001",
    )
    return victim, ids


async def test_export_then_delete_leaves_nothing_of_the_user(web: Web) -> None:
    victim, dream_ids = await _seed()
    dp = create_dispatcher(web.services)  # the bot registers its conversation-state eraser
    fsm_key = StorageKey(bot_id=123456789, chat_id=VICTIM, user_id=VICTIM)
    await dp.storage.set_data(fsm_key, {"parts": ["half of a dream about a bridge"]})

    status, raw = await web.call("GET", "/api/v1/export", VICTIM)
    assert status == 200
    export = raw if isinstance(raw, dict) else json.loads(raw)
    assert sorted(d["text"] for d in export["dreams"]) == sorted(TEXTS)
    assert all(d["analyses"] and d["analyses"][0]["interpretation"] for d in export["dreams"])
    assert all(d["embedding"] for d in export["dreams"])
    kinds = sorted(t["kind"] for t in export["transactions"])
    assert kinds == ["consume"] * len(TEXTS) + ["purchase"]

    status, body = await web.call("DELETE", "/api/v1/me", VICTIM, json={})
    assert (status, body["error"]["code"]) == (422, "invalid_request")  # unconfirmed: kept
    assert await User.exists(telegram_id=VICTIM)

    status, body = await web.call("DELETE", "/api/v1/me", VICTIM, json={"confirm": True})
    assert (status, body) == (200, {"deleted": True})

    personal = [str(victim.id), *TEXTS, "Vera", str(VICTIM)]
    for table, rows in (await _all_rows()).items():
        # Billing may keep its ledger rows unlinked: a consume's key names a dream that no
        # longer exists, and nothing in the row leads to the person.
        marks = personal if table == "transactions" else [*personal, *dream_ids]
        for row in rows:
            leaked = [mark for mark in marks if mark in row]
            assert not leaked, f"{table} still holds {leaked}: {row[:200]}"
    assert await User.filter(telegram_id=BYSTANDER).count() == 1
    remaining = await _all_rows()
    assert any(OTHER in row for row in remaining["dreams"])
    assert await dp.storage.get_data(fsm_key) == {}

    redis = web.services.redis
    assert isinstance(redis, Redis)
    prefix = web.services.settings.redis_prefix
    keys = [key async for key in redis.scan_iter(match=f"{prefix}*")]
    assert not [key for key in keys if str(VICTIM).encode() in key]
