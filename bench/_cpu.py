"""CPU use by process during a bench window, from ``/proc`` (Linux; empty elsewhere).

Says who spent the machine's cores while the workers ran: the worker processes, the fake LLM,
PostgreSQL, Redis — which is what decides whether a throughput target is CPU-bound.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _process_ticks(pid_dir: Path) -> tuple[str, int] | None:
    try:
        raw = (pid_dir / "stat").read_text()
    except OSError:
        return None  # the process ended meanwhile
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return name, int(fields[11]) + int(fields[12])  # utime + stime


@dataclass(frozen=True, slots=True)
class CpuSample:
    at: float
    by_pid: dict[int, tuple[str, int]]
    machine_busy: int
    machine_total: int


def sample() -> CpuSample | None:
    """CPU ticks of every process and of the whole machine, now; None without ``/proc``."""
    if not (PROC / "stat").is_file():
        return None
    by_pid: dict[int, tuple[str, int]] = {}
    for pid_dir in PROC.iterdir():
        if pid_dir.name.isdigit() and (found := _process_ticks(pid_dir)) is not None:
            by_pid[int(pid_dir.name)] = found
    cpu = [int(x) for x in (PROC / "stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = cpu[3] + cpu[4]  # idle + iowait
    return CpuSample(time.monotonic(), by_pid, sum(cpu) - idle, sum(cpu))


def usage(
    before: CpuSample | None, after: CpuSample | None, labels: Mapping[int, str]
) -> list[tuple[str, float]]:
    """Percent of one core per group between two samples — our processes by ``labels``, others
    by command name — largest first, plus the machine's busy share of all cores."""
    if before is None or after is None:
        return []
    seconds = after.at - before.at
    spent: Counter[str] = Counter()
    for pid, (name, ticks) in after.by_pid.items():
        start = before.by_pid.get(pid, (name, 0))[1]
        spent[labels.get(pid, name)] += ticks - start
    rows = [(group, 100 * t / TICKS / seconds) for group, t in spent.most_common() if t > 0]
    total = after.machine_total - before.machine_total
    busy = 100 * (after.machine_busy - before.machine_busy) / total if total else 0.0
    return [*rows[:8], (f"machine busy (% of {os.cpu_count()} cores)", busy)]
