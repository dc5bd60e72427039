"""Fixtures of the fault suite: servers of its own, and the product's processes on them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio

from tests.fakes.telegram import FakeTelegramServer
from tests.fault.deployment import Deployment
from tests.fault.processes import base_env
from tests.fault.servers import OwnPostgres, OwnRedis


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def servers(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[OwnRedis, OwnPostgres]]:
    redis, pg = OwnRedis(), OwnPostgres()
    await redis.start()
    try:
        await pg.start()
        yield redis, pg
    finally:
        await redis.kill()
        pg.remove()


def deployment_env(
    tg: FakeTelegramServer, redis: OwnRedis, pg: OwnPostgres, **extra: str
) -> dict[str, str]:
    return base_env(
        DATABASE_URL=pg.url,
        REDIS_URL=redis.url,
        BOT_TOKEN=tg.token,
        TELEGRAM_API_URL=tg.base_url,
        WEB_HOST="127.0.0.1",
        THROTTLE_RATE="100",
        THROTTLE_BURST="100",
        # Lost jobs are looked for every second and found after a few: the suite's clock.
        STUCK_QUEUED_AFTER_S="4",
        SWEEP_INTERVAL_S="1",
        **extra,
    )


def new_deployment(
    tg: FakeTelegramServer, servers: tuple[OwnRedis, OwnPostgres], workdir: Path, **extra: str
) -> Deployment:
    redis, pg = servers
    return Deployment(tg, redis, pg, workdir, deployment_env(tg, redis, pg, **extra))


@asynccontextmanager
async def running_deployment(
    servers: tuple[OwnRedis, OwnPostgres], workdir: Path, commands: Sequence[str], **extra: str
) -> AsyncIterator[Deployment]:
    """The product's ``commands`` started (each waited for) against a fake Bot API of its own;
    every process stopped gracefully afterwards."""
    async with FakeTelegramServer() as tg:
        deployment = new_deployment(tg, servers, workdir, **extra)
        try:
            for command in commands:
                await deployment.start(command)
            yield deployment
        finally:
            for process in deployment.processes.values():
                await process.stop()
