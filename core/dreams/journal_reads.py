"""The journal's reads as fixed statements: a page of a user's dreams, the latest analysis of
each.

A journal page is read on every visit of the Mini App's first screen, so these skip the ORM's
query building and model construction (``core.db.sql`` says why; for a page of twenty dreams
that was most of the page's CPU) and read only the columns the journal shows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from core.db import sql
from core.db.models import DreamAnalysis


@dataclass(frozen=True, slots=True)
class ToldDream:
    """What the journal needs of a dream."""

    id: uuid.UUID
    created_at: datetime
    text: str
    status: str
    dreamt_on: date | None


@dataclass(frozen=True, slots=True)
class PageBounds:
    """Where a page of dreams may come from: ``since`` ≤ created_at < ``until``, and after the
    cursor's (created_at, id) in newest-first order."""

    since: datetime | None = None
    until: datetime | None = None
    cursor: tuple[datetime, uuid.UUID] | None = None


@cache
def _page(since: bool, until: bool, cursor: bool) -> sql.Statement:
    where, n = ["user_id = $1"], 1
    if since:
        n += 1
        where.append(f"created_at >= ${n}")
    if until:
        n += 1
        where.append(f"created_at < ${n}")
    if cursor:
        where.append(f"(created_at < ${n + 1} OR (created_at = ${n + 1} AND id < ${n + 2}))")
        n += 2
    return sql.Statement(
        "SELECT id, created_at, text, status, dreamt_on FROM dreams "
        f"WHERE {' AND '.join(where)} ORDER BY created_at DESC, id DESC "
        f"LIMIT ${n + 1} OFFSET ${n + 2}"
    )


async def told_dreams(
    user_id: uuid.UUID, bounds: PageBounds, offset: int, limit: int
) -> list[ToldDream]:
    """Up to ``limit`` of the user's dreams within ``bounds``, newest first, from ``offset``."""
    values: list[Any] = [user_id]
    values += [moment for moment in (bounds.since, bounds.until) if moment is not None]
    if bounds.cursor is not None:
        values += [bounds.cursor[0], bounds.cursor[1]]
    statement = _page(bounds.since is not None, bounds.until is not None, bounds.cursor is not None)
    rows = await sql.fetch(statement, *values, limit, offset)
    return [_told(row) for row in rows]


def _told(row: dict[str, Any]) -> ToldDream:
    # SQLite hands back text (Tortoise stores ``str(datetime)``), PostgreSQL typed values.
    created, night = row["created_at"], row["dreamt_on"]
    if isinstance(created, str):
        created = datetime.fromisoformat(created)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return ToldDream(
        id=row["id"] if isinstance(row["id"], uuid.UUID) else uuid.UUID(row["id"]),
        created_at=created.astimezone(UTC),
        text=row["text"],
        status=row["status"],
        dreamt_on=date.fromisoformat(night) if isinstance(night, str) else night,
    )


@cache
def _analyses_of(count: int) -> sql.Statement:
    """The analyses of ``count`` dreams, oldest first, with the lunar phase read inside the
    database: the whole coding card (``hvdc``) is most of a row, and the journal needs none of
    it but the phase (decoding it was most of a journal page's CPU)."""
    marks = ", ".join(f"${i}" for i in range(1, count + 1))
    select = "SELECT dream_id, mood, symbols, lunar_day, {} AS phase FROM dream_analyses "
    where = f"WHERE dream_id IN ({marks}) ORDER BY created_at"
    return sql.Statement.per_dialect(
        postgres=select.format("hvdc #>> '{lunar,phase_key}'") + where,
        sqlite=select.format("json_extract(hvdc, '$.lunar.phase_key')") + where,
    )


async def latest_analyses(dream_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """The latest analysis of each dream (those that have one), by dream id: ``mood``,
    ``symbols``, ``lunar_day`` and ``phase``."""
    if not dream_ids:
        return {}
    latest: dict[uuid.UUID, dict[str, Any]] = {}
    for row in await sql.fetch(_analyses_of(len(dream_ids)), *dream_ids):
        row["symbols"] = sql.python_value(DreamAnalysis, "symbols", row["symbols"])
        latest[sql.python_value(DreamAnalysis, "dream_id", row["dream_id"])] = row
    return latest
