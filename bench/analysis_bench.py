"""Dream-analysis benchmarks: offline latency per dream, and worker throughput with a slow LLM.

Prints figures (no asserts); targets are in the table notes.

Usage (from the repo root)::

    .venv/bin/python bench/analysis_bench.py offline     [--dreams 300] [--embedders local,hashing,none]
    .venv/bin/python bench/analysis_bench.py throughput  [--duration 20] [--workers 1]
        [--max-jobs 50] [--idle-poll-ms 250] [--db-pool 5] [--embedder hashing]
        [--llm-delay-ms 500] [--paced-rate 0] [--profile] [--event-loop auto|uvloop|asyncio]
    .venv/bin/python bench/analysis_bench.py cpu         [--jobs 300]
    .venv/bin/python bench/analysis_bench.py all         # all three, defaults

``offline`` — ``Analyzer.analyze`` (HVdC coding, symbols, mood, lunar night, embedding,
similar-dream ranking, offline interpretation) on ~300 DreamBank reports from
``../shared/data/dreambank/dreambank_en.jsonl`` (built-in dreams when absent), SQLite, no LLM
keys. Target: p95 < 100 ms with the local embedding model. Also without embeddings.

``throughput`` — the real ``analyze_dream`` job through Redis + arq on PostgreSQL, with a fake
OpenAI answering every chat completion after ``--llm-delay-ms``. Needs PostgreSQL at
``BENCH_DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/test``; a temporary
database is created beside it and dropped) and Redis at ``BENCH_REDIS_URL`` (default
``redis://127.0.0.1:6379/13``; that database is flushed). Worker processes run the product's
``serve(Parts(bot=False, web=False, worker=True))`` — with ``--max-jobs`` or ``--idle-poll-ms``
other than serve()'s 50 and 250 ms they run
the product's ``QueueWorker`` over its job functions directly, to show what the setting costs — and
a no-op notifier. Targets: ≥ 100 analyses/s; per-job overhead over the LLM's latency p95 < 50 ms.
Users start with a journal of analysed past dreams and the database is ANALYZEd (a service in
use; see ``_bench_seed``).

``cpu`` — CPU milliseconds one analysis costs (the job's process, PostgreSQL, Redis), jobs run
one at a time in-process: the figure to compare two checkouts by on a machine whose speed
drifts (``host speed`` lines give the yardstick).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cli  # noqa: F401  (one BLAS thread per process, as the product runs)
from bench._bench_common import dream_texts, host_speed_ms, print_table
from bench._offline_latency import measure_offline


async def offline(args: argparse.Namespace) -> None:
    texts, source = dream_texts(args.dreams)
    rows = []
    for kind in args.embedders.split(","):
        rows.extend(await measure_offline(texts, kind.strip()))
    print(f"host speed after: reference loop {host_speed_ms():.0f} ms")
    print_table(
        f"Offline analysis latency per dream - {len(texts)} dreams from {source}, SQLite, "
        "one user's growing history (target p95 < 100 ms with embeddings)",
        rows,
    )


async def cpu(args: argparse.Namespace) -> None:
    from bench._cpu_per_analysis import measure_cpu

    await measure_cpu(args.jobs)


async def throughput(args: argparse.Namespace) -> None:
    from bench._throughput import ThroughputConfig, run_throughput

    config = ThroughputConfig(
        duration_s=args.duration,
        warm_up_s=args.warm_up,
        workers=args.workers,
        max_jobs=args.max_jobs,
        idle_poll_s=args.idle_poll_ms / 1000,
        db_pool=args.db_pool,
        embedder=args.embedder,
        llm_delay_s=args.llm_delay_ms / 1000,
        paced_rate=args.paced_rate,
        profile=args.profile,
        event_loop=args.event_loop,
    )
    await run_throughput(config)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "part", choices=["offline", "throughput", "cpu", "all"], nargs="?", default="all"
    )
    parser.add_argument("--dreams", type=int, default=300, help="offline: dreams to analyse")
    parser.add_argument("--embedders", default="local,hashing,none", help="offline: kinds")
    parser.add_argument("--jobs", type=int, default=300, help="cpu: analyses to time")
    parser.add_argument("--duration", type=float, default=20.0, help="throughput: seconds")
    parser.add_argument("--warm-up", type=float, default=3.0, help="throughput: not counted")
    parser.add_argument("--workers", type=int, default=1, help="throughput: worker processes")
    parser.add_argument("--max-jobs", type=int, default=50, help="arq max_jobs (50: serve())")
    parser.add_argument(
        "--idle-poll-ms", type=float, default=250.0, help="worker's idle poll (250: serve())"
    )
    parser.add_argument(
        "--db-pool", type=int, default=0, help="asyncpg pool max (0: the product default, 10)"
    )
    parser.add_argument("--embedder", choices=["hashing", "local"], default="hashing")
    parser.add_argument("--llm-delay-ms", type=float, default=500.0)
    parser.add_argument("--paced-rate", type=float, default=0.0, help="jobs/s (0: 60%% of max)")
    parser.add_argument(
        "--event-loop", choices=["auto", "uvloop", "asyncio"], default="auto", help="workers' loop"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the first worker")
    return parser.parse_args()


async def main() -> None:
    args = parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    print(f"host speed: reference loop {host_speed_ms():.0f} ms (lower is faster)")
    if args.part in ("offline", "all"):
        await offline(args)
    if args.part in ("throughput", "all"):
        await throughput(args)
    if args.part in ("cpu", "all"):
        await cpu(args)


if __name__ == "__main__":
    asyncio.run(main())
