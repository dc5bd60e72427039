"""A Redis server of the test's own, for fault tests that stop it (never the shared one)."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError

START_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def own_redis(
    port: int | None = None,
) -> AsyncIterator[tuple[str, asyncio.subprocess.Process]]:
    """``(url, process)`` of a fresh ``redis-server`` on ``port`` (default: a free one, pass
    an earlier server's to start it again); stopped on exit."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = port or free_port()
    process = await asyncio.create_subprocess_exec(
        *(binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        await _wait_until_up(url)
        yield url, process
    finally:
        if process.returncode is None:
            process.terminate()
        await asyncio.wait_for(process.wait(), START_TIMEOUT)


async def _wait_until_up(url: str) -> None:
    client = Redis.from_url(url)
    try:
        async with asyncio.timeout(START_TIMEOUT):
            while True:
                with contextlib.suppress(ConnectionError, OSError):
                    if await client.ping():
                        return
                await asyncio.sleep(0.05)
    finally:
        await client.aclose()
