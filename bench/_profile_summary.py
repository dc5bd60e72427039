"""A worker's cProfile, summed by what the time was spent on (HVdC coding, the openai SDK, the
ORM, arq…), in milliseconds per job. Time inside C built-ins (``dict.get``, ``re`` matching,
socket sends) is charged to the Python function that called them, so the HVdC coder's regex
work counts as HVdC coding rather than as "built-ins"."""

from __future__ import annotations

import pstats
from collections import Counter
from typing import Any

#: (path fragment, group); first match wins, so the specific fragments come first.
GROUPS: tuple[tuple[str, str], ...] = (
    ("core/analysis/", "HVdC coding, symbols, mood (core.analysis)"),
    ("core/interpret/", "offline interpreter pieces (core.interpret)"),
    ("core/embeddings/", "embedding + similar-dream ranking (core.embeddings)"),
    ("core/llm/", "LLM chain: scrub, prompt, checks (core.llm)"),
    ("core/privacy/", "LLM chain: scrub, prompt, checks (core.llm)"),
    ("core/lunar/", "lunar night (core.lunar)"),
    ("core/", "other product code (core, workers, cli)"),
    ("workers/", "other product code (core, workers, cli)"),
    ("/openai/", "openai SDK + HTTP client"),
    ("/httpx", "openai SDK + HTTP client"),
    ("/httpcore/", "openai SDK + HTTP client"),
    ("/h11/", "openai SDK + HTTP client"),
    ("/anyio/", "openai SDK + HTTP client"),
    ("/pydantic", "pydantic (SDK models, settings)"),
    ("/tortoise/", "Tortoise ORM + asyncpg"),
    ("/pypika", "Tortoise ORM + asyncpg"),
    ("/asyncpg/", "Tortoise ORM + asyncpg"),
    ("/arq/", "arq + redis client"),
    ("/redis/", "arq + redis client"),
    ("/asyncio/", "asyncio event loop"),
    ("/selectors.py", "asyncio event loop"),
    ("/json/", "json"),
    ("/numpy/", "numpy"),
    ("/jinja2/", "offline interpreter pieces (core.interpret)"),
)
IDLE = "idle: waiting in epoll"
BUILTIN_FILE = "~"


def group_of(func: tuple[str, int, str]) -> str:
    filename, _line, name = func
    if filename == BUILTIN_FILE:
        return IDLE if "epoll" in name else "C built-ins called from C"
    path = filename.replace("\\", "/")
    for fragment, group in GROUPS:
        if fragment in path:
            return group
    return "other Python (stdlib, libraries)"


def spent_by_group(path: str) -> Counter[str]:
    """Seconds of own time per group, built-ins charged to their callers."""
    stats: dict[Any, Any] = pstats.Stats(path).stats  # type: ignore[attr-defined]
    spent: Counter[str] = Counter()
    for func, (_cc, _nc, own, _cum, callers) in stats.items():
        if func[0] != BUILTIN_FILE or "epoll" in func[2] or not callers:
            spent[group_of(func)] += own
            continue
        for caller, caller_stats in callers.items():
            spent[group_of(caller)] += caller_stats[2]  # own time of func under this caller
    return spent


def print_summary(path: str, jobs: int) -> None:
    """Print the groups with seconds, share of busy time and ms per job."""
    spent = spent_by_group(path)
    busy = sum(seconds for group, seconds in spent.items() if group != IDLE)
    print(f"\nWorker 1 under cProfile ({jobs} jobs; profiling roughly doubles the cost):")
    print(f"  {'where the time went':<52} {'s':>7} {'% busy':>7} {'ms/job':>7}")
    for group, seconds in spent.most_common():
        share = "" if group == IDLE else f"{100 * seconds / busy:6.1f}%"
        per_job = "" if group == IDLE or not jobs else f"{1000 * seconds / jobs:7.2f}"
        print(f"  {group:<52} {seconds:7.2f} {share:>7} {per_job:>7}")
