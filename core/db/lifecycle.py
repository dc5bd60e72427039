"""Start-up, health probe and shutdown of the process-wide database connection.

Tortoise ORM 1.x keeps its state in a ``TortoiseContext`` held in a ``contextvars.ContextVar``:
by default only the task that called ``Tortoise.init`` — and tasks it creates *afterwards* —
see the connection. aiohttp serves requests and aiogram polls in tasks whose context does not
descend from ours, so :func:`init_db` also registers the context as Tortoise's *global
fallback*, which any task of the process then sees. Callers therefore only need to await
:func:`init_db` once, before serving, and :func:`close_db` once, at shutdown — from any task.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from tortoise import Tortoise
from tortoise.backends.base import executor as tortoise_executor
from tortoise.context import TortoiseContext

from core.db.config import CONNECTION, tortoise_config
from core.db.errors import PROBE_ERRORS, UNREACHABLE_ERRORS
from core.db.migrate import migrate as apply_migrations
from core.db.migrate import prepare_storage
from core.db.urls import describe_db_url, scrub, unavailable

log = logging.getLogger(__name__)

#: A readiness probe must answer quickly even when the server silently drops packets.
PING_TIMEOUT_S = 2.0


@dataclass
class _ActiveDatabase:
    context: TortoiseContext
    url: str


_active: _ActiveDatabase | None = None


async def init_db(db_url: str, *, migrate: bool = True) -> None:
    """Connect the ORM to ``db_url`` for the whole process (all tasks), migrating it first.

    Call once at start-up, before the bot, web or worker tasks start using models; calling it
    again switches to ``db_url`` (the previous connection is closed). With ``migrate=False``
    nothing touches the database yet (Tortoise connects on the first query), so a down
    database is reported by :func:`ping_db` instead of failing start-up. Raises
    :class:`core.db.DatabaseUnavailable` when migrating and the database cannot be reached.
    """
    global _active
    if migrate:
        await apply_migrations(db_url)
    else:
        prepare_storage(db_url)
    await close_db()
    _forget_compiled_queries()
    try:
        context = await Tortoise.init(config=tortoise_config(db_url), _enable_global_fallback=True)
    except UNREACHABLE_ERRORS as exc:
        raise unavailable(db_url, exc) from exc
    _active = _ActiveDatabase(context=context, url=db_url)
    log.info("database ready: %s", describe_db_url(db_url))


def _forget_compiled_queries() -> None:
    """Drop Tortoise's process-wide cache of compiled INSERT/DELETE statements.

    The cache is keyed by connection *name*, not dialect: after switching the "default"
    connection from SQLite to PostgreSQL (tests do; ``init_db`` again with another URL may),
    stale ``?`` placeholders would reach PostgreSQL. Rebuilding costs microseconds.
    """
    tortoise_executor.EXECUTOR_CACHE.clear()


async def close_db() -> None:
    """Close the process-wide connection (idempotent); models fail loudly afterwards."""
    global _active
    if _active is None:
        return
    active, _active = _active, None
    await active.context.close_connections()
    log.info("database closed: %s", describe_db_url(active.url))


async def ping_db() -> bool:
    """``SELECT 1`` for ``/readyz``: True when the database answers within PING_TIMEOUT_S.

    Never raises for a broken database: returns False and logs why (without the password).
    """
    active = _active
    if active is None:
        log.warning("database ping: init_db() has not been called")
        return False
    try:
        async with asyncio.timeout(PING_TIMEOUT_S):
            await active.context.connections.get(CONNECTION).execute_query("SELECT 1")
    except PROBE_ERRORS as exc:
        log.warning(
            "database %s is not answering: %s", describe_db_url(active.url), scrub(exc, active.url)
        )
        return False
    return True


def active_db_url() -> str | None:
    """The URL :func:`init_db` connected to, or None (for diagnostics and tests)."""
    return None if _active is None else _active.url
