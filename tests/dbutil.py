"""Throw-away databases for tests: a fresh SQLite file or a fresh PostgreSQL database each time.

Use :func:`initialised_db` in a fixture to get a migrated database that every task of the test
sees (exactly as the product does at start-up)::

    from tests.dbutil import DB_KINDS, initialised_db

    @pytest.fixture(params=DB_KINDS)
    async def db_url(request: pytest.FixtureRequest) -> AsyncIterator[str]:
        async with initialised_db(request.param) as url:
            yield url

or simply ``from tests.dbutil import database  # noqa: F401`` in a ``conftest.py`` to reuse the
ready-made :func:`database` fixture (parametrized over SQLite and PostgreSQL).
PostgreSQL tests skip (or fail under ``ONEIROSCOPE_REQUIRE_SERVICES=1``) when the server is down.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from core.db import close_db, init_db
from tests import services

DB_KINDS = ("sqlite", "postgres")
TEMP_DB_PREFIX = "oneiroscope_t_"


@asynccontextmanager
async def temp_database(kind: str) -> AsyncIterator[str]:
    """Yield the URL of a new, empty database of ``kind`` ("sqlite" or "postgres"); drop it after."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="oneiroscope-db-") as folder:
            yield f"sqlite://{folder}/oneiroscope.db"
    elif kind == "postgres":
        async with _temp_postgres_database(services.postgres_url()) as url:
            yield url
    else:
        raise ValueError(f"unknown database kind {kind!r}; use one of {DB_KINDS}")


@asynccontextmanager
async def initialised_db(kind: str) -> AsyncIterator[str]:
    """A fresh database of ``kind``, migrated and connected with ``init_db``; closed after."""
    async with temp_database(kind) as url:
        await init_db(url)
        try:
            yield url
        finally:
            await close_db()


@pytest.fixture(params=DB_KINDS)
async def database(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A migrated, connected throw-away database; the test runs once per kind. Yields its URL."""
    async with initialised_db(request.param) as url:
        yield url


def with_database(server_url: str, name: str) -> str:
    """``server_url`` pointing at database ``name`` instead."""
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


@asynccontextmanager
async def _temp_postgres_database(server_url: str) -> AsyncIterator[str]:
    name = TEMP_DB_PREFIX + secrets.token_hex(6)
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(server_url, name)
    finally:
        await _drop_postgres_database(server_url, name)


async def _drop_postgres_database(server_url: str, name: str) -> None:
    """Drop ``name``, first ending sessions a failed test may have left open."""
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            name,
        )
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        await admin.close()
