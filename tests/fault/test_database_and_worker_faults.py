"""PostgreSQL restarting or away for 20 s in the middle of analyses, and a worker SIGKILLed or
SIGTERMed mid-job, on a ``bot`` + ``worker`` deployment whose LLM (a fake) takes a few seconds.

Regressions: PostgreSQL stopped during the LLM call failed the job with no retry and left the
status message at "✍️ Writing your interpretation…"; a SIGKILLed worker's job waited ~5 minutes
(arq's in-progress key lived job timeout + 10 s).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.fakes.llm_server import FakeLLMServer
from tests.fault.conftest import running_deployment
from tests.fault.deployment import Deployment
from tests.fault.servers import OwnPostgres, OwnRedis

pytestmark = pytest.mark.asyncio(loop_scope="module")
LLM_SECONDS = 4.0


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def llm() -> AsyncIterator[FakeLLMServer]:
    async with FakeLLMServer(default_delay_s=LLM_SECONDS) as server:
        yield server


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def deployment(
    servers: tuple[OwnRedis, OwnPostgres],
    llm: FakeLLMServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Deployment]:
    async with running_deployment(
        servers,
        tmp_path_factory.mktemp("db-and-worker-faults"),
        ("bot", "worker"),
        OPENAI_API_KEY="sk-test",
        OPENAI_BASE_URL=llm.openai_base_url,
        LLM_TIMEOUT_S="30",
        LLM_CHAIN_DEADLINE_S="40",
    ) as deployment:
        yield deployment


async def _mid_job(deployment: Deployment, llm: FakeLLMServer, dreams: int) -> None:
    """Send ``dreams`` and return once each one's job is waiting for the LLM."""
    asked = len(llm.requests_to("chat"))
    for _ in range(dreams):
        deployment.send_dream()
    await deployment.jobs_reached_llm(llm, asked + dreams)


async def test_postgresql_restarting_during_jobs(
    deployment: Deployment, llm: FakeLLMServer
) -> None:
    await _mid_job(deployment, llm, 3)

    await deployment.pg.restart()

    await deployment.settled()


async def test_postgresql_down_for_twenty_seconds_during_jobs(
    deployment: Deployment, llm: FakeLLMServer
) -> None:
    await _mid_job(deployment, llm, 3)

    await deployment.pg.stop()
    refused = deployment.send_dream()  # nothing can store it: the user must hear so
    deployment.sent.remove(refused)
    deployment.refused.append(refused)
    await asyncio.sleep(3)
    ready = await deployment.ready("worker")
    assert ready["checks"] == {"database": False, "redis": True}, ready
    await asyncio.sleep(17)  # the rest of the 20 s outage
    await deployment.pg.start()

    await deployment.settled()
    assert all(p.running for p in deployment.processes.values())


async def test_a_sigkilled_worker_s_jobs_run_again_promptly(
    deployment: Deployment, llm: FakeLLMServer
) -> None:
    await _mid_job(deployment, llm, 2)
    assert await deployment.container_healthy("worker")

    await deployment.processes["worker"].kill()
    assert not await deployment.container_healthy("worker")
    await deployment.start("worker", "worker")

    # The killed worker's claim lapses within its 30 s lease (not job timeout + 10 s).
    await deployment.settled(timeout=150)


async def test_a_sigtermed_worker_finishes_its_jobs_first(
    deployment: Deployment, llm: FakeLLMServer
) -> None:
    await _mid_job(deployment, llm, 2)
    worker = deployment.processes["worker"]

    await worker.signal(signal.SIGTERM)
    exit_code = await asyncio.wait_for(worker.process.wait(), timeout=60)

    assert exit_code == 0, worker.log()[-2000:]
    await deployment.start("worker", "worker")
    await deployment.settled()
