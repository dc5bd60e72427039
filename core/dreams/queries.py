"""The analysis job's reads and writes of dreams and analyses, as fixed statements.

They run once or twice per analysis, so they skip the ORM's per-call query building
(``core.db.sql`` says why and what it saves); elsewhere the ORM reads better and is used.
"""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.timezone import now

from core.db import sql
from core.db.models import Dream, DreamAnalysis, DreamStatus, User
from core.db.orm_internals import cache_related
from core.dreams.journal_changes import journal_changed

DREAM, USER = "d_", "u_"


@cache
def _dream_with_user() -> sql.Statement:
    return sql.Statement(
        f"SELECT {sql.columns(Dream, 'd', DREAM)}, {sql.columns(User, 'u', USER)} "
        "FROM dreams d JOIN users u ON u.id = d.user_id WHERE d.id = $1"
    )


_MARK = sql.Statement("UPDATE dreams SET status = $1, updated_at = $2 WHERE id = $3")


async def dream_with_user(dream_id: uuid.UUID) -> Dream | None:
    """The dream with its user loaded (``dream.user`` needs no query), or None when gone."""
    rows = await sql.fetch(_dream_with_user(), dream_id)
    if not rows:
        return None
    dream = sql.model_from_row(Dream, rows[0], DREAM)
    cache_related(dream, "user", sql.model_from_row(User, rows[0], USER))
    return dream


async def mark(dream: Dream, status: DreamStatus, using: BaseDBAsyncClient | None = None) -> None:
    """Set the dream's status (and ``updated_at``), in memory and in the database.

    Within a transaction (``using``) the caller announces the change once it is committed
    (``core.dreams.journal_changes``); otherwise this does."""
    dream.status, dream.updated_at = status, now()
    await sql.execute(_MARK, status.value, dream.updated_at, dream.id, using=using)
    if using is None:
        await journal_changed(dream.user_id)  # type: ignore[attr-defined]


async def save_analysis(dream: Dream, values: dict[str, Any]) -> DreamAnalysis:
    """Store a new analysis of ``dream`` (``values``: its column values by field name)."""
    row = DreamAnalysis(dream_id=dream.id, **values)
    await sql.insert(row)
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
    return row
