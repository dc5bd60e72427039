"""The analysis job's fixed statements read and write exactly what the ORM would, on SQLite and
PostgreSQL alike (they replace ORM calls on the hot path; callers must not see a difference)."""

from __future__ import annotations

import uuid

import pytest
from tortoise.exceptions import IntegrityError

from core.db import sql
from core.db.models import (
    Dream,
    DreamAnalysis,
    DreamEmbedding,
    DreamStatus,
    Transaction,
    TransactionKind,
    User,
)
from core.dreams.queries import dream_with_user, mark, save_analysis

pytestmark = pytest.mark.usefixtures("database")


async def _dream() -> Dream:
    user = await User.create(
        telegram_id=7, first_name="Вера", language="ru", latitude=55.75, dream_balance=3
    )
    return await Dream.create(user=user, text="Мне снилась вода", language="ru")


async def test_a_dream_loads_with_its_user_as_the_orm_loads_it() -> None:
    saved = await _dream()

    loaded = await dream_with_user(saved.id)
    by_orm = await Dream.get(id=saved.id).select_related("user")

    assert loaded is not None
    for field in Dream._meta.fields_db_projection:
        assert getattr(loaded, field) == getattr(by_orm, field), field
    user = loaded.user  # already there: no query, no await
    assert isinstance(user, User)
    for field in User._meta.fields_db_projection:
        assert getattr(user, field) == getattr(by_orm.user, field), field
    assert loaded.created_at.tzinfo is not None


async def test_a_deleted_dream_loads_as_none() -> None:
    assert await dream_with_user(uuid.uuid4()) is None


async def test_marking_a_dream_sets_its_status_and_update_time() -> None:
    dream = await _dream()
    before = dream.updated_at

    await mark(dream, DreamStatus.ANALYZING)

    stored = await Dream.get(id=dream.id)
    assert stored.status is DreamStatus.ANALYZING
    assert stored.updated_at == dream.updated_at and stored.updated_at > before


async def test_an_analysis_saves_every_column_as_the_orm_reads_it_back() -> None:
    dream = await _dream()
    values = {
        "summary": "Вода",
        "interpretation": "A river at night.",
        "archetypes": ["shadow"],
        "symbols": ["water"],
        "hvdc": {"card": {"characters": ["1FSA"]}, "lunar": None},
        "mood": "calm",
        "lunar_day": 14,
        "confidence": 0.75,
        "model_used": "openai:gpt-4o-mini",
        "tokens_used": 321,
        "cost_usd": 0.0012,
        "latency_ms": 512,
    }

    row = await save_analysis(dream, values)

    stored = await DreamAnalysis.get(id=row.id)
    for field, value in values.items():
        assert getattr(stored, field) == value, field
    assert stored.dream_id == dream.id and stored.lunar_effect == "" and stored.sources == []
    assert stored.created_at == row.created_at


async def test_an_upsert_replaces_the_colliding_row_and_a_plain_insert_refuses_it() -> None:
    dream = await _dream()
    await sql.insert(DreamEmbedding(dream_id=dream.id, model="a", dim=1, vector=b"\x00" * 4))

    await sql.insert(
        DreamEmbedding(dream_id=dream.id, model="b", dim=2, vector=b"\x01" * 8),
        on_conflict=("dream_id",),
        update=("model", "dim", "vector"),
    )

    stored = await DreamEmbedding.get(dream_id=dream.id)
    assert (stored.model, stored.dim, bytes(stored.vector)) == ("b", 2, b"\x01" * 8)
    with pytest.raises(IntegrityError):
        await sql.insert(DreamEmbedding(dream_id=dream.id, model="c", dim=1, vector=b""))


async def test_a_write_reports_the_rows_it_changed_and_enums_are_stored_as_values() -> None:
    dream = await _dream()
    record = Transaction(
        user_id=dream.user_id, kind=TransactionKind.CONSUME, credits=-1, idempotency_key="k"
    )
    await sql.insert(record)
    take = sql.Statement(
        "UPDATE users SET dream_balance = dream_balance - 1 WHERE id = $1 AND dream_balance > $2"
    )

    assert await sql.execute(take, dream.user_id, 2) == 1
    assert await sql.execute(take, dream.user_id, 2) == 0
    assert (await Transaction.get(idempotency_key="k")).kind is TransactionKind.CONSUME
    assert (await User.get(id=dream.user_id)).dream_balance == 2
