"""Part 2 of the analysis bench: ``analyze_dream`` jobs through Redis + arq on PostgreSQL with a
slow fake LLM. Sustained throughput under a backlog, and per-job overhead at a paced load.

Timings come from arq's own job records (enqueue, start and finish times, kept in Redis), so
the bench measures exactly what the queue saw, across processes, without instrumenting the
product. Overhead = (finish − start) − LLM delay for the job itself, and (finish − enqueue) −
LLM delay end to end (including the wait for a worker to pick the job up).
"""

from __future__ import annotations

import asyncio
import importlib.util
import math
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arq.constants import in_progress_key_prefix
from arq.jobs import Job, JobResult
from tortoise import connections

from bench import _cpu
from bench._bench_common import Row, chunks, host_speed_ms, print_table
from bench._bench_processes import (
    SERVE_IDLE_POLL_S,
    SERVE_MAX_JOBS,
    TRACED_CHAT_BASE,
    WorkerSpec,
    run_fake_llm,
    run_worker,
)
from bench._bench_seed import seed_users
from bench._bench_services import (
    bench_pg_url,
    bench_redis_url,
    flush_redis,
    temp_pg_database,
    unreachable,
    with_database,
)
from bench._profile_summary import print_summary
from bench._stages import print_stages
from core.config import Settings
from core.db import close_db, init_db
from core.db.config import CONNECTION
from core.dreams.journal import ANALYZE_JOB
from core.dreams.pipeline import delivery_to_job
from core.dreams.report import Delivery
from core.eventloop import loop_kind
from workers.queue import ArqJobQueue
from workers.registry import JOBS

#: The paced run: this share of the measured sustained rate, for this long.
PACED_SHARE = 0.5
PACED_SECONDS = 10.0
DRAIN_QUIET_POLLS = 6
#: PostgreSQL publishes a backend's statistics within about a second.
PG_STATS_FLUSH_S = 1.5
WARM_UP_JOBS = 20
START_TIMEOUT_S = 60.0
ENQUEUE_CONCURRENCY = 64


@dataclass(frozen=True, slots=True)
class ThroughputConfig:
    duration_s: float = 20.0
    warm_up_s: float = 3.0
    workers: int = 1
    max_jobs: int = SERVE_MAX_JOBS
    idle_poll_s: float = SERVE_IDLE_POLL_S
    db_pool: int = 0
    embedder: str = "hashing"
    llm_delay_s: float = 0.5
    paced_rate: float = 0.0
    profile: bool = False
    event_loop: str = "auto"

    @property
    def direct(self) -> bool:
        """Whether workers run an arq Worker directly (settings other than ``serve()``'s)."""
        return (self.max_jobs, self.idle_poll_s) != (SERVE_MAX_JOBS, SERVE_IDLE_POLL_S)

    @property
    def ceiling(self) -> float:
        """Jobs/s if every job took exactly the LLM's delay and every slot stayed busy."""
        return self.workers * self.max_jobs / self.llm_delay_s

    @property
    def paced_jobs(self) -> int:
        """Enough dreams for the paced run at any rate up to the ceiling."""
        return math.ceil(max(self.paced_rate, self.ceiling) * PACED_SECONDS) + WARM_UP_JOBS

    @property
    def backlog_jobs(self) -> int:
        return math.ceil(self.ceiling * (self.warm_up_s + self.duration_s + 2) * 1.1)


async def run_throughput(config: ThroughputConfig) -> None:
    pg, redis_url = bench_pg_url(), bench_redis_url()
    if config.event_loop == "uvloop" and importlib.util.find_spec("uvloop") is None:
        print("\nthroughput bench skipped: --event-loop uvloop needs uvloop installed")
        return
    for name, url, port in (("PostgreSQL", pg, 5432), ("Redis", redis_url, 6379)):
        if (problem := unreachable(url, port)) is not None:
            print(f"\nthroughput bench skipped: {name} {problem}; set BENCH_{name.upper()}_URL")
            return
    async with temp_pg_database(pg) as name:
        database_url = with_database(pg, name, config.db_pool)
        await flush_redis(redis_url)
        try:
            await _with_database(config, database_url, redis_url)
        finally:
            await flush_redis(redis_url)


async def _with_database(config: ThroughputConfig, database_url: str, redis_url: str) -> None:
    await init_db(database_url, migrate=True)
    try:
        needed = WARM_UP_JOBS + config.paced_jobs + config.backlog_jobs
        dream_ids, source = await seed_users(needed)
        print(f"\nseeded {len(dream_ids):,} dreams from {source} for {config.workers} worker(s)")
        queue = await ArqJobQueue.connect(redis_url, JOBS, Settings().job_queue_name)
        try:
            await _measure(config, database_url, redis_url, queue, dream_ids)
        finally:
            await queue.close()
    finally:
        await close_db()


async def _measure(
    config: ThroughputConfig,
    database_url: str,
    redis_url: str,
    queue: ArqJobQueue,
    dream_ids: list[str],
) -> None:
    warm = dream_ids[:WARM_UP_JOBS]
    backlog = dream_ids[WARM_UP_JOBS : WARM_UP_JOBS + config.backlog_jobs]
    spare = dream_ids[WARM_UP_JOBS + config.backlog_jobs :]
    with tempfile.TemporaryDirectory(prefix="oneiroscope-bench-") as tmp:
        profile = str(Path(tmp) / "worker.prof") if config.profile else None
        with _processes(config, database_url, redis_url, profile) as (labels, reports):
            await _enqueue(queue, warm)
            await _results(queue, warm, wait=True)
            backlog_results, cpu = await _backlog_phase(config, queue, backlog, labels)
            sustained = _sustained(config, backlog_results)
            rate = config.paced_rate or max(1.0, PACED_SHARE * sustained[0])
            paced = spare[: max(WARM_UP_JOBS, round(rate * PACED_SECONDS))]
            await _paced(queue, paced, rate)
            paced_results = await _results(queue, paced, wait=True)
        _print_report(config, sustained, rate, paced_results, backlog_results, cpu)
        _print_worker_reports(reports)
        print(f"  host speed after the run: reference loop {host_speed_ms():.0f} ms")
        print_stages(paced_results, reports, config.llm_delay_s * 1000)
        if profile is not None:
            jobs = next((r["delivered"] for r in reports if r.get("profiled")), 0)
            print_summary(profile, jobs)
            keep = os.environ.get("BENCH_PROFILE_OUT")
            if keep:
                shutil.copyfile(profile, keep)  # for pstats beyond the summary


async def _backlog_phase(
    config: ThroughputConfig, queue: ArqJobQueue, backlog: list[str], labels: dict[int, str]
) -> tuple[list[JobResult], list[tuple[str, float]]]:
    """Queue more than the workers can do in the window; what finished, and who used the CPU."""
    transactions = await _pg_transactions()
    started = time.monotonic()
    await _enqueue(queue, backlog)
    await asyncio.sleep(config.warm_up_s - (time.monotonic() - started))
    before = _cpu.sample()
    await asyncio.sleep(config.duration_s)
    after = _cpu.sample()
    await _drain(queue)
    results = await _results(queue, backlog, wait=False)
    await asyncio.sleep(PG_STATS_FLUSH_S)
    transactions = await _pg_transactions() - transactions
    print(f"  PostgreSQL transactions per analysis: {transactions / max(1, len(results)):.1f}")
    return results, _cpu.usage(before, after, labels)


async def _pg_transactions() -> int:
    """Committed transactions of this database so far (each autocommit statement is one)."""
    rows = await connections.get(CONNECTION).execute_query_dict(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
    )
    return int(rows[0]["xact_commit"])


@contextmanager
def _processes(
    config: ThroughputConfig, database_url: str, redis_url: str, profile: str | None
) -> Iterator[tuple[dict[int, str], list[dict[str, Any]]]]:
    """Start the fake LLM and the workers; stop them (and collect their reports) afterwards."""
    mp = multiprocessing.get_context("spawn")
    stop, urls, reports_queue = mp.Event(), mp.Queue(), mp.Queue()
    llm = mp.Process(target=run_fake_llm, args=(config.llm_delay_s, urls, stop), daemon=True)
    llm.start()
    base_url = urls.get(timeout=START_TIMEOUT_S)
    workers = []
    for index in range(config.workers):
        spec = WorkerSpec(
            database_url=database_url,
            redis_url=redis_url,
            openai_base_url=base_url,
            embedder=config.embedder,
            max_jobs=config.max_jobs,
            idle_poll_s=config.idle_poll_s,
            profile_path=profile if index == 0 else None,
            event_loop=config.event_loop,
        )
        ready = mp.Event()
        process = mp.Process(target=run_worker, args=(spec, ready, stop, reports_queue))
        process.start()
        workers.append((process, ready))
    for process, ready in workers:
        if not ready.wait(START_TIMEOUT_S):
            stop.set()
            raise SystemExit(f"worker {process.pid} did not start within {START_TIMEOUT_S} s")
    labels = {llm.pid or 0: "fake LLM (bench)", os.getpid(): "bench driver (enqueues)"}
    labels.update({p.pid or 0: f"worker {i + 1}" for i, (p, _r) in enumerate(workers)})
    reports: list[dict[str, Any]] = []
    try:
        yield labels, reports
    finally:
        stop.set()
        for process, _ready in workers:
            process.join(START_TIMEOUT_S)
        while not reports_queue.empty():
            reports.append(reports_queue.get())
        llm.join(START_TIMEOUT_S)


async def _drain(queue: ArqJobQueue) -> None:
    """Drop the jobs still queued and wait until none has run for a while: workers go idle."""
    await queue.pool.delete(queue.queue_name)
    quiet_polls = 0
    while quiet_polls < DRAIN_QUIET_POLLS:
        running = await queue.pool.keys(f"{in_progress_key_prefix}*")
        quiet_polls = 0 if running else quiet_polls + 1
        await asyncio.sleep(0.05)


def _job_id(dream_id: str) -> str:
    return f"analyze:{dream_id}:first"


async def _enqueue_one(queue: ArqJobQueue, dream_id: str, chat_id: int = 1) -> None:
    delivery = delivery_to_job(Delivery(chat_id=chat_id, status_message_id=None, locale="en"))
    await queue.enqueue(ANALYZE_JOB, dream_id, delivery, job_id=_job_id(dream_id))


async def _enqueue(queue: ArqJobQueue, dream_ids: list[str]) -> None:
    for batch in chunks(dream_ids, ENQUEUE_CONCURRENCY):
        await asyncio.gather(*(_enqueue_one(queue, d) for d in batch))


async def _paced(queue: ArqJobQueue, dream_ids: list[str], rate: float) -> None:
    """Open-loop load: job ``i`` is enqueued at ``i / rate`` seconds (the bench may sleep)."""
    started = time.monotonic()
    for index, dream_id in enumerate(dream_ids):
        delay = started + index / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        await _enqueue_one(queue, dream_id, TRACED_CHAT_BASE + index)


async def _results(queue: ArqJobQueue, dream_ids: list[str], *, wait: bool) -> list[JobResult]:
    """arq's records of the jobs (waiting for every one of them when ``wait``)."""
    found: list[JobResult] = []
    for batch in chunks(dream_ids, 256):
        jobs = [Job(_job_id(d), queue.pool, _queue_name=queue.queue_name) for d in batch]
        if wait:
            await asyncio.gather(*(queue.wait(job.job_id) for job in jobs))
        infos = await asyncio.gather(*(job.result_info() for job in jobs))
        found.extend(info for info in infos if info is not None)
    return found


def _ms(later: Any, earlier: Any) -> float:
    return (later - earlier).total_seconds() * 1000


def _sustained(config: ThroughputConfig, results: list[JobResult]) -> tuple[float, str]:
    """Jobs/s finished in the window after the warm-up; a note when the backlog ran dry."""
    if not results:
        return 0.0, "no job finished"
    first = min(r.start_time for r in results)
    finishes = sorted((r.finish_time - first).total_seconds() for r in results)
    window = (config.warm_up_s, config.warm_up_s + config.duration_s)
    if finishes[-1] < window[1] and len(results) == config.backlog_jobs:
        span = finishes[-1] - finishes[0]
        return (len(finishes) - 1) / span if span else 0.0, "backlog ran dry: whole-run rate"
    inside = sum(window[0] <= f < window[1] for f in finishes)
    return inside / config.duration_s, f"{config.duration_s:.0f} s window after {window[0]:.0f} s"


def _print_report(
    config: ThroughputConfig,
    sustained: tuple[float, str],
    paced_rate: float,
    paced: list[JobResult],
    backlog: list[JobResult],
    cpu: list[tuple[str, float]],
) -> None:
    delay_ms = config.llm_delay_s * 1000
    rate, note = sustained
    failed = sum(not r.success for r in (*paced, *backlog))
    mode = "QueueWorker directly" if config.direct else "serve()"
    print(
        f"\nThroughput - {config.workers} worker process(es) via {mode}, max_jobs "
        f"{config.max_jobs}, idle poll {config.idle_poll_s * 1000:.0f} ms, DB pool "
        f"{config.db_pool or 'default (10)'}, embedder {config.embedder}, LLM delay "
        f"{delay_ms:.0f} ms, {loop_kind(config.event_loop)} loop, PostgreSQL + Redis"
    )
    print(f"  sustained: {rate:.1f} analyses/s ({note}); target >= 100/s")
    print(f"  ceiling workers*max_jobs/delay: {config.ceiling:.0f}/s; failed jobs: {failed}")
    rows = [
        Row(
            f"paced {paced_rate:.0f}/s: end to end - delay",
            [_ms(r.finish_time, r.enqueue_time) - delay_ms for r in paced],
            "target p95 < 50 ms",
        ),
        Row("  of which waiting for a worker", [_ms(r.start_time, r.enqueue_time) for r in paced]),
        Row(
            "  of which job run - delay",
            [_ms(r.finish_time, r.start_time) - delay_ms for r in paced],
        ),
        Row(
            "backlog: job run - delay",
            [_ms(r.finish_time, r.start_time) - delay_ms for r in backlog],
        ),
    ]
    print_table("Per-job overhead over the LLM's own latency (from arq's job records)", rows)
    if cpu:
        print("\nCPU during the backlog window (% of one core)")
        for group, percent in cpu:
            print(f"  {group:<34} {percent:6.1f}")
        _print_cpu_per_analysis(cpu, rate)


def _print_cpu_per_analysis(cpu: list[tuple[str, float]], rate: float) -> None:
    """CPU milliseconds one analysis costs the product's side (workers, PostgreSQL, Redis), and
    the rate the machine's cores could sustain at that cost — robust to other load on a shared
    machine, unlike the measured rate."""
    if rate <= 0:
        return
    product = {"workers": 0.0, "postgres": 0.0, "redis-server": 0.0}
    for group, percent in cpu:
        key = "workers" if group.startswith("worker ") else group
        if key in product:
            product[key] += percent
    per_job = {key: 10 * percent / rate for key, percent in product.items()}
    total = sum(per_job.values())
    parts = ", ".join(f"{key} {ms:.1f}" for key, ms in per_job.items())
    cores = os.cpu_count() or 1
    print(f"  CPU ms per analysis: {parts} = {total:.1f} ms")
    print(f"  => {cores} dedicated cores could sustain at most ~{cores * 1000 / total:.0f}/s")


def _print_worker_reports(reports: list[dict[str, Any]]) -> None:
    if not reports:
        print("  (no worker reported back: see the worker's error above)")
    for report in reports:
        print(
            f"  worker pid {report['pid']}: delivered {report['delivered']}, failed "
            f"{report['failed']}, CPU {report['cpu_s']:.1f} s over its life"
        )
