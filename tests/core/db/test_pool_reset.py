"""Pooled PostgreSQL connections go back to the pool without asyncpg's reset query.

The product never leaves session state on a pooled connection, so the default reset
(``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``) would be a wasted round
trip per checkout; an open transaction is still rolled back by asyncpg itself.
"""

from __future__ import annotations

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from core.db.config import CONNECTION
from core.db.models import User
from tests.dbutil import initialised_db


async def _statements_seen_by_a_second_backend() -> list[str]:
    """Hold one pooled connection, use the pool for a model query meanwhile (a second backend),
    then read what that second backend ran last, once it is back in the pool."""
    client = connections.get(CONNECTION)
    async with client.acquire_connection() as probe:
        await User.create(telegram_id=4242)
        assert await User.filter(telegram_id=4242).exists()
        rows = await probe.fetch(
            "SELECT query FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state = 'idle'"
        )
    return [row["query"] for row in rows]


async def test_a_released_connection_is_not_sent_the_reset_query() -> None:
    async with initialised_db("postgres"):
        statements = await _statements_seen_by_a_second_backend()
    assert statements, "expected an idle pooled backend"
    assert not any("pg_advisory_unlock_all" in s or "RESET ALL" in s for s in statements)
    assert any("user" in s.lower() for s in statements)


async def test_a_failed_transaction_is_still_rolled_back_before_reuse() -> None:
    async with initialised_db("postgres"):
        with pytest.raises(RuntimeError):
            async with in_transaction():
                await User.create(telegram_id=4343)
                raise RuntimeError("boom")
        assert not await User.filter(telegram_id=4343).exists()
        await User.create(telegram_id=4344)  # the connection is usable again
        assert await User.filter(telegram_id=4344).exists()
