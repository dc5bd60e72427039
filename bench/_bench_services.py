"""Throw-away PostgreSQL database and a flushed Redis database for the throughput bench."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlencode, urlsplit, urlunsplit

import asyncpg
from redis.asyncio import Redis

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
TEMP_DB_PREFIX = "oneiroscope_bench_"


def bench_pg_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG_URL)


def bench_redis_url() -> str:
    return os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)


def unreachable(url: str, default_port: int) -> str | None:
    """A message when nothing listens at ``url``'s host and port, else None."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or default_port
    try:
        with socket.create_connection((host, port), 2):
            return None
    except OSError as exc:
        return f"{host}:{port} is not reachable ({exc.strerror or exc})"


def with_database(url: str, name: str, pool_max: int = 0) -> str:
    """``url`` pointing at database ``name``; ``pool_max`` > 0 sets asyncpg's pool ``maxsize``."""
    parts = urlsplit(url)
    query = urlencode({"maxsize": pool_max}) if pool_max > 0 else ""
    return urlunsplit(parts._replace(path=f"/{name}", query=query))


@asynccontextmanager
async def temp_pg_database(admin_url: str) -> AsyncIterator[str]:
    """Create an empty database beside ``admin_url``'s, yield its name, drop it afterwards."""
    name = f"{TEMP_DB_PREFIX}{secrets.token_hex(4)}"
    dsn = urlunsplit(urlsplit(admin_url)._replace(scheme="postgresql"))
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield name
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


#: The only keys a bench run leaves: arq's own (unprefixable in arq 0.28) and the deployment's.
BENCH_KEY_PATTERNS = ("arq:*", "oneiroscope:*")


async def flush_redis(url: str) -> None:
    """Delete the keys a bench run writes, and nothing else: the server is shared, never flushed."""
    redis = Redis.from_url(url)
    try:
        for pattern in BENCH_KEY_PATTERNS:
            batch: list[bytes] = []
            async for key in redis.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    await redis.delete(*batch)
                    batch.clear()
            if batch:
                await redis.delete(*batch)
    finally:
        await redis.aclose()
