"""The caller's account by Telegram id, read on every API request by a fixed statement.

Every request of the Mini App and the dashboard loads its user; the ORM's query building costs
more CPU than the query itself (``core.db.sql`` says why and how much), so this read skips it.
"""

from __future__ import annotations

from functools import cache

from core.db import sql
from core.db.models import User


@cache
def _by_telegram_id() -> sql.Statement:
    return sql.Statement(f"SELECT {sql.columns(User, 'u')} FROM users u WHERE u.telegram_id = $1")


async def user_by_telegram_id(telegram_id: int) -> User | None:
    rows = await sql.fetch(_by_telegram_id(), telegram_id)
    return sql.model_from_row(User, rows[0]) if rows else None
