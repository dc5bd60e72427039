"""Part 3 of the analysis bench: CPU one analysis costs, measured one job at a time.

The throughput run's figures swing with whatever else the shared machine does; this one runs
``run_analysis`` (the job's own body: load, code, remember, interpret, save, consume) in this
process, strictly one after another, on PostgreSQL + Redis with the fake OpenAI answering at
once, and reads this process's CPU clock around each job, and PostgreSQL's and Redis's CPU
from ``/proc`` around the whole run. Sequential, so nothing queues and no other job's work is
counted: compare two checkouts by running this in both, alternately.
"""

from __future__ import annotations

import multiprocessing
import statistics
import time
from dataclasses import dataclass

from bench import _cpu
from bench._bench_common import Row, host_speed_ms, print_table
from bench._bench_processes import NoopNotifier, run_fake_llm, use_fake_llm
from bench._bench_seed import seed_users
from bench._bench_services import (
    bench_pg_url,
    bench_redis_url,
    flush_redis,
    temp_pg_database,
    unreachable,
    with_database,
)
from cli.runtime import build_runtime
from core.config import Settings
from core.dreams.pipeline import JobTicket, run_analysis
from core.dreams.report import Delivery
from core.embeddings import HashingEmbedder
from core.warmup import warm_up

WARM_UP_JOBS = 50
DELIVERY = Delivery(chat_id=1, status_message_id=None, locale="en")


@dataclass(frozen=True, slots=True)
class CpuFigures:
    job_cpu_ms: list[float]
    postgres_ms: float
    redis_ms: float


async def measure_cpu(jobs: int) -> None:
    pg, redis_url = bench_pg_url(), bench_redis_url()
    for name, url, port in (("PostgreSQL", pg, 5432), ("Redis", redis_url, 6379)):
        if (problem := unreachable(url, port)) is not None:
            print(f"\ncpu bench skipped: {name} {problem}; set BENCH_{name.upper()}_URL")
            return
    mp = multiprocessing.get_context("spawn")
    stop, urls = mp.Event(), mp.Queue()
    llm = mp.Process(target=run_fake_llm, args=(0.0, urls, stop), daemon=True)
    llm.start()
    try:
        use_fake_llm(urls.get(timeout=60))
        async with temp_pg_database(pg) as name:
            await flush_redis(redis_url)
            try:
                figures = await _run(with_database(pg, name), redis_url, jobs)
            finally:
                await flush_redis(redis_url)
    finally:
        stop.set()
        llm.join(10)
    _print(figures)


async def _run(database_url: str, redis_url: str, jobs: int) -> CpuFigures:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, DATABASE_URL=database_url, REDIS_URL=redis_url, LOG_LEVEL="WARNING"
    )
    notifier = NoopNotifier()
    # The product's composition root, with the edge replaced: no Telegram, hashing embeddings.
    async with build_runtime(settings, notifier=notifier, embedder=HashingEmbedder()) as runtime:
        analyzer = runtime.services.analyzer
        ids, _source = await seed_users(WARM_UP_JOBS + jobs)
        warm_up()
        for dream_id in ids[:WARM_UP_JOBS]:
            await run_analysis(analyzer, notifier, dream_id, DELIVERY, _ticket(dream_id))
        before = _cpu.sample()
        spent: list[float] = []
        for dream_id in ids[WARM_UP_JOBS:]:
            started = time.process_time()
            await run_analysis(analyzer, notifier, dream_id, DELIVERY, _ticket(dream_id))
            spent.append((time.process_time() - started) * 1000)
        after = _cpu.sample()
    return CpuFigures(
        spent,
        _per_job(before, after, "postgres", jobs),
        _per_job(before, after, "redis-server", jobs),
    )


def _per_job(
    before: _cpu.CpuSample | None, after: _cpu.CpuSample | None, name: str, jobs: int
) -> float:
    if before is None or after is None:
        return float("nan")
    ticks = sum(t for n, t in after.by_pid.values() if n == name) - sum(
        t for n, t in before.by_pid.values() if n == name
    )
    return 1000 * ticks / _cpu.TICKS / jobs


def _print(figures: CpuFigures) -> None:
    cpu = figures.job_cpu_ms
    print(f"host speed after: reference loop {host_speed_ms():.0f} ms")
    print_table(
        f"CPU per analysis, {len(cpu)} jobs one at a time (run_analysis in-process, PostgreSQL "
        "+ Redis, fake OpenAI at 0 ms, hashing embedder)",
        [Row("this process (the job's own work)", cpu)],
    )
    print(
        f"  mean {statistics.fmean(cpu):.2f} ms here + PostgreSQL {figures.postgres_ms:.2f} ms "
        f"+ Redis {figures.redis_ms:.2f} ms per analysis (their processes' CPU over the run)"
    )


def _ticket(dream_id: object) -> JobTicket:
    """A job's claim on its dream, as the worker's task gives one."""
    return JobTicket(job_key=f"bench:{dream_id}", lease_s=60.0)
