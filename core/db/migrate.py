"""Apply the schema migrations in ``migrations/`` (Tortoise ORM's built-in migration engine).

Run by ``oneiroscope migrate`` and at start-up of ``oneiroscope run``; safe to run on every
start: applied migrations are recorded in the ``tortoise_migrations`` table and skipped.

To create a migration after changing ``core/db/models.py`` (from the project root)::

    .venv/bin/tortoise -c core.db.migrate.TORTOISE_ORM makemigrations --name <what_changed>

then ``ruff check --fix migrations && ruff format migrations`` (put
``# ruff: noqa: RUF012`` on top: the engine reads class-level lists), and commit the new file
in ``migrations/``. ``sqlmigrate models <name>`` prints its SQL. The test
``tests/db/test_migrations.py::test_models_and_migrations_agree`` fails until you do.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.migrations.executor import MigrationExecutor

from core.db.config import APP_LABEL, CONNECTION, tortoise_config
from core.db.errors import UNREACHABLE_ERRORS
from core.db.urls import describe_db_url, is_postgres, sqlite_path, unavailable

log = logging.getLogger(__name__)

#: Config for the ``tortoise`` CLI (``-c core.db.migrate.TORTOISE_ORM``): makemigrations compares
#: the models with the migration files, so an in-memory database is enough.
TORTOISE_ORM = tortoise_config("sqlite://:memory:")

#: PostgreSQL advisory-lock key: the bot, web and worker processes may start together, and
#: only one of them may create the tables.
_LOCK_KEY = zlib.crc32(b"oneiroscope.migrate")


async def migrate(db_url: str) -> list[str]:
    """Apply pending migrations to ``db_url``; return the names applied, in order.

    Idempotent: a second run returns ``[]``. Runs in its own Tortoise context, so it neither
    needs nor disturbs the application's (see :func:`core.db.init_db`). Raises
    :class:`core.db.DatabaseUnavailable` when the database cannot be reached.
    """
    prepare_storage(db_url)
    config = tortoise_config(db_url)
    applied: list[str] = []

    def record(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)
            log.info("applied migration %s.%s", app_label, name)

    try:
        async with TortoiseContext() as ctx:
            await ctx.init(config=config)
            client = ctx.connections.get(CONNECTION)
            async with _migration_lock(client, db_url):
                executor = MigrationExecutor(client, {APP_LABEL: config["apps"][APP_LABEL]})
                await executor.migrate(direction="forward", progress=record)
    except UNREACHABLE_ERRORS as exc:
        raise unavailable(db_url, exc) from exc
    log.info("database %s: %d migration(s) applied", describe_db_url(db_url), len(applied))
    return applied


def prepare_storage(db_url: str) -> None:
    """Create the folder of a SQLite file (sqlite creates the file, not its directories)."""
    path = sqlite_path(db_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


@asynccontextmanager
async def _migration_lock(client: BaseDBAsyncClient, db_url: str) -> AsyncIterator[None]:
    """Serialise concurrent migrators on PostgreSQL; SQLite's file lock is enough there."""
    if not is_postgres(db_url):
        yield
        return
    async with client.acquire_connection() as connection:
        await connection.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
        try:
            yield
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
