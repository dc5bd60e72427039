"""Redis going away — for half a second, for thirty — under ``oneiroscope run`` and a
standalone ``oneiroscope worker``: both ride it out, say so in the log and in /readyz, every
dream sent meanwhile is stored, and the queue Redis lost (it restarts empty, as without
persistence) is rebuilt by the sweeper. Regression: a 0.5 s blip ended both with exit 1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.fault.conftest import running_deployment
from tests.fault.deployment import Deployment
from tests.fault.servers import OwnPostgres, OwnRedis

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def deployment(
    servers: tuple[OwnRedis, OwnPostgres], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Deployment]:
    workdir = tmp_path_factory.mktemp("redis-outages")
    async with running_deployment(servers, workdir, ("run", "worker")) as deployment:
        yield deployment


async def _outage(deployment: Deployment, seconds: float) -> None:
    """Redis killed (keys and queue lost), dreams sent before and during, Redis back empty."""
    for _ in range(3):
        deployment.send_dream()
    await deployment.redis.kill()
    for _ in range(2):
        deployment.send_dream()
    await asyncio.sleep(seconds)  # the outage itself
    await deployment.redis.start()


async def test_a_half_second_redis_blip_loses_nothing(deployment: Deployment) -> None:
    await _outage(deployment, 0.5)

    await deployment.settled()

    assert all(p.running for p in deployment.processes.values())
    assert (await deployment.ready("run"))["status"] == "ok"


async def test_thirty_seconds_without_redis_are_ridden_out_and_reported(
    deployment: Deployment,
) -> None:
    for _ in range(2):
        deployment.send_dream()
    await deployment.redis.kill()
    for _ in range(3):
        deployment.send_dream()
    await asyncio.sleep(3)
    for name in ("run", "worker"):
        ready = await deployment.ready(name)
        assert ready["status"] == "unavailable", (name, ready)
        assert ready["checks"] == {"database": True, "redis": False}, (name, ready)
    await asyncio.sleep(27)  # the rest of the 30 s outage
    for name, process in deployment.processes.items():
        assert process.running, f"{name} died while Redis was away:\n{process.log()[-2000:]}"
    await deployment.redis.start()

    await deployment.settled()

    await deployment.logged("worker", "Redis unreachable")
    await deployment.logged("worker", "Redis is back")  # its backoff may be up to 10 s long
    assert (await deployment.ready("worker"))["status"] == "ok"


async def test_no_chat_id_is_logged_at_info(deployment: Deployment) -> None:
    chats = {str(sent.chat_id) for sent in deployment.sent}
    for name in deployment.processes:
        for record in deployment.log_lines(name):
            if record.get("level") in ("info", "warning") or record.get("level") == "raw":
                leaked = [chat for chat in chats if chat in str(record.get("msg", ""))]
                assert not leaked, (name, record)
