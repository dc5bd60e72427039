"""Child processes of the throughput bench: the fake LLM provider and the product's workers.

Each runs in its own process (multiprocessing, spawn) so that the worker's event loop competes
with nothing of the bench but what shares the machine's cores anyway.
"""

from __future__ import annotations

import asyncio
import cProfile
import logging
import os
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from bench import _bench_common  # noqa: F401  (puts the repo root on sys.path)
from cli.runtime import build_runtime
from cli.serve import Parts, Running, serve
from core import eventloop
from core.config import Settings
from core.dreams.report import AnalysisReport, Delivery, FailureReason, Stage
from core.embeddings import Embedder, HashingEmbedder, LocalEmbedder
from core.services import Services
from tests.fakes.llm_server import FakeLLMServer
from workers.queue import SERVICES_CTX_KEY, ArqJobQueue
from workers.queue_worker import IDLE_POLL_SECONDS
from workers.settings import MAX_JOBS, job_functions

#: What ``cli.serve`` configures its arq worker with; other values run a Worker directly.
SERVE_MAX_JOBS = MAX_JOBS
SERVE_IDLE_POLL_S = IDLE_POLL_SECONDS
BENCH_CHAIN = "openai:gpt-4o-mini,offline"
#: Jobs delivered to chat ids from here on get their stage times recorded (the paced run).
TRACED_CHAT_BASE = 1_000_000


class NoopNotifier:
    """``core.dreams.report.Notifier`` that shows nothing to anyone, counts outcomes and, for
    traced chats, notes when each stage began (wall clock, comparable with arq's records)."""

    def __init__(self) -> None:
        self.delivered = 0
        self.failed = 0
        self.marks: dict[int, dict[str, float]] = {}

    def _mark(self, delivery: Delivery, what: str) -> None:
        if delivery.chat_id >= TRACED_CHAT_BASE:
            self.marks.setdefault(delivery.chat_id, {})[what] = time.time()

    async def progress(self, delivery: Delivery, stage: Stage) -> None:
        self._mark(delivery, stage.value)

    async def deliver(self, delivery: Delivery, report: AnalysisReport) -> None:
        self._mark(delivery, "deliver")
        self.delivered += 1

    async def fail(self, delivery: Delivery, reason: FailureReason) -> None:
        self.failed += 1


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    database_url: str
    redis_url: str
    openai_base_url: str
    embedder: str  # "hashing" | "local"
    max_jobs: int
    idle_poll_s: float
    profile_path: str | None = None
    event_loop: str = "auto"  # the EVENT_LOOP setting: auto | uvloop | asyncio


def run_fake_llm(delay_s: float, urls: Any, stop: Any) -> None:
    """Serve the fake OpenAI/Anthropic API until ``stop`` is set; send its base URL first."""

    async def main() -> None:
        async with FakeLLMServer(default_delay_s=delay_s) as server:
            urls.put(server.openai_base_url)
            await asyncio.to_thread(stop.wait)

    asyncio.run(main())


def run_worker(spec: WorkerSpec, ready: Any, stop: Any, reports: Any) -> None:
    """One worker process: the product's job functions on arq until ``stop`` is set."""
    logging.basicConfig(level=logging.WARNING, format="worker %(levelname)s %(name)s: %(message)s")
    use_fake_llm(spec.openai_base_url)
    profiler = cProfile.Profile() if spec.profile_path else None
    notifier = NoopNotifier()
    cpu_started = time.process_time()
    if profiler is not None:
        profiler.enable()
    try:
        _run_loop(spec, _work(spec, notifier, ready, stop))
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(spec.profile_path)
    reports.put(
        {
            "pid": os.getpid(),
            "cpu_s": time.process_time() - cpu_started,
            "delivered": notifier.delivered,
            "failed": notifier.failed,
            "profiled": profiler is not None,
            "marks": notifier.marks,
        }
    )


def use_fake_llm(openai_base_url: str) -> None:
    """Point this process's LLM settings at the fake OpenAI, budgets out of the way."""
    os.environ.update(
        {
            "OPENAI_API_KEY": "sk-bench",
            "OPENAI_BASE_URL": openai_base_url,
            "LLM_CHAIN": BENCH_CHAIN,
            "LLM_USER_DAILY_BUDGET_USD": "1000",
            "LLM_MONTHLY_BUDGET_USD": "100000",
        }
    )
    os.environ.pop("ANTHROPIC_API_KEY", None)


def _run_loop(spec: WorkerSpec, main: Coroutine[Any, Any, None]) -> None:
    """The loop the product would choose (``EVENT_LOOP``: uvloop where installed, by default)."""
    eventloop.run(main, spec.event_loop)


def _embedder(kind: str) -> Embedder:
    if kind == "local":
        local = LocalEmbedder()
        local.embed_sync(["warm-up"])
        return local
    return HashingEmbedder()


def _settings(spec: WorkerSpec) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        DATABASE_URL=spec.database_url,
        REDIS_URL=spec.redis_url,
        LOG_FORMAT="text",
        LOG_LEVEL="WARNING",
    )


async def _work(spec: WorkerSpec, notifier: NoopNotifier, ready: Any, stop: Any) -> None:
    stopping = asyncio.Event()

    async def watch() -> None:
        await asyncio.to_thread(stop.wait)
        stopping.set()

    watcher = asyncio.create_task(watch())
    try:
        if spec.max_jobs == SERVE_MAX_JOBS and spec.idle_poll_s == SERVE_IDLE_POLL_S:
            await _serve(spec, notifier, ready, stopping)
        else:
            await _direct(spec, notifier, ready, stopping)
    except asyncio.CancelledError:
        # arq's Worker.close() (handle_signals=False) cancels jobs still running and gathers
        # them without return_exceptions, so serve() raises CancelledError when stopped with a
        # job in flight. The bench drains the queue first; a job in its last step may remain.
        if not stopping.is_set():
            raise
        logging.getLogger(__name__).warning("worker stopped with a job in flight (arq close)")
    finally:
        watcher.cancel()


async def _serve(
    spec: WorkerSpec, notifier: NoopNotifier, ready: Any, stopping: asyncio.Event
) -> None:
    """The product's own composition root, worker only."""
    embedder = _embedder(spec.embedder)

    async def on_ready(running: Running) -> None:
        # serve() builds the city index in a thread at start-up; let it finish before measuring.
        warming = [t for t in running.tasks if t.get_name() == "warm-up"]
        await asyncio.gather(*warming)
        ready.set()

    await serve(
        _settings(spec),
        Parts(bot=False, web=False, worker=True),
        stop=stopping,
        on_ready=on_ready,
        settle_heap=True,  # as `oneiroscope worker` / `run` do
        notifier=notifier,
        embedder=embedder,
    )


async def _direct(
    spec: WorkerSpec, notifier: NoopNotifier, ready: Any, stopping: asyncio.Event
) -> None:
    """An arq Worker over the product's job functions, as ``cli.serve`` builds it, with other
    ``max_jobs`` / ``idle_poll_s`` values."""
    runtime_cm = build_runtime(
        _settings(spec), migrate=False, notifier=notifier, embedder=_embedder(spec.embedder)
    )
    async with runtime_cm as runtime:
        await _run_direct(spec, runtime.services, ready, stopping)


async def _run_direct(
    spec: WorkerSpec, services: Services, ready: Any, stopping: asyncio.Event
) -> None:
    from workers.queue_worker import QueueWorker

    queue = services.jobs
    assert isinstance(queue, ArqJobQueue), "the direct worker runs on Redis"
    worker = QueueWorker(
        functions=job_functions(),
        redis_pool=queue.pool,
        queue_name=queue.queue_name,
        handle_signals=False,
        ctx={SERVICES_CTX_KEY: services},
        max_jobs=spec.max_jobs,
        idle_poll_s=spec.idle_poll_s,
    )
    running = asyncio.create_task(worker.async_run())
    ready.set()
    try:
        await stopping.wait()
    finally:
        await worker.close()
        running.cancel()
