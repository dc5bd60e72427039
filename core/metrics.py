"""In-process metrics (counters and timings) rendered in the Prometheus text format.

Small on purpose: every external call counts its requests, errors and latency here, and the web
app serves ``/metrics``. Labels are low-cardinality (method, provider, outcome) — never user data.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

LabelKey = tuple[str, tuple[tuple[str, str], ...]]

#: Upper bounds (seconds) of the latency histogram buckets.
BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def _key(name: str, labels: dict[str, str]) -> LabelKey:
    return name, tuple(sorted((k, str(v)) for k, v in labels.items()))


def _fmt_labels(labels: tuple[tuple[str, str], ...], extra: str = "") -> str:
    parts = [f'{k}="{v}"' for k, v in labels]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


class Metrics:
    """Thread-safe counters, gauges and histograms keyed by name and labels."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[LabelKey, float] = {}
        self._gauges: dict[LabelKey, float] = {}
        self._histograms: dict[LabelKey, list[float]] = {}  # bucket counts + [sum, count]

    def inc(self, name: str, amount: float = 1.0, **labels: str) -> None:
        key = _key(name, labels)
        with self._lock:
            self._counters[key] = self._counters.get(key, 0.0) + amount

    def set_gauge(self, name: str, value: float, **labels: str) -> None:
        with self._lock:
            self._gauges[_key(name, labels)] = value

    def observe(self, name: str, seconds: float, **labels: str) -> None:
        key = _key(name, labels)
        with self._lock:
            row = self._histograms.setdefault(key, [0.0] * (len(BUCKETS) + 2))
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    row[i] += 1
            row[-2] += seconds
            row[-1] += 1

    @contextmanager
    def timer(self, name: str, **labels: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.observe(name, time.perf_counter() - started, **labels)

    def counter_value(self, name: str, **labels: str) -> float:
        with self._lock:
            return self._counters.get(_key(name, labels), 0.0)

    def render(self) -> str:
        """The Prometheus text exposition of everything recorded so far."""
        lines: list[str] = []
        with self._lock:
            for (name, labels), value in sorted(self._counters.items()):
                lines.append(f"{name}{_fmt_labels(labels)} {value}")
            for (name, labels), value in sorted(self._gauges.items()):
                lines.append(f"{name}{_fmt_labels(labels)} {value}")
            for (name, labels), row in sorted(self._histograms.items()):
                for bound, count in zip(BUCKETS, row, strict=False):
                    le = _fmt_labels(labels, f'le="{bound}"')
                    lines.append(f"{name}_bucket{le} {count}")
                inf = _fmt_labels(labels, 'le="+Inf"')
                lines.append(f"{name}_bucket{inf} {row[-1]}")
                lines.append(f"{name}_sum{_fmt_labels(labels)} {row[-2]}")
                lines.append(f"{name}_count{_fmt_labels(labels)} {row[-1]}")
        return "\n".join(lines) + "\n"


#: The process-wide registry (metrics are process state by nature, like logging).
METRICS = Metrics()
