"""Process metrics (counters, gauges, latency histograms) on ``prometheus-client``.

Every external call counts its requests, errors and latency here. Each process serves its own
``/metrics`` (``web`` and ``run`` on WEB_PORT, ``bot`` and ``worker`` on HEALTH_PORT), so every
process's figures are scraped — the worker's analyses and credits included. Labels are
low-cardinality (method, provider, outcome) — never user data.

Call sites name a metric and its labels where they count (``METRICS.inc("x_total", kind="a")``);
the first use of a name fixes its label names, as Prometheus requires.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.metrics import MetricWrapperBase

#: Upper bounds (seconds) of the latency histogram buckets.
BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class MetricsError(ValueError):
    """A metric used with other label names than at its first use; name them the same."""


class Metrics:
    """A registry of this process's metrics, created on first use by name and labels."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._lock = threading.Lock()
        self._metrics: dict[str, tuple[MetricWrapperBase, tuple[str, ...]]] = {}

    def _get(
        self, kind: type[MetricWrapperBase], name: str, labels: dict[str, str]
    ) -> MetricWrapperBase:
        names = tuple(sorted(labels))
        with self._lock:
            known = self._metrics.get(name)
            if known is None:
                metric = self._create(kind, name, names)
                self._metrics[name] = known = (metric, names)
        metric, fixed = known
        if fixed != names:
            raise MetricsError(f"metric {name} has labels {fixed}, not {names}")
        return metric.labels(**labels) if names else metric

    def _create(
        self, kind: type[MetricWrapperBase], name: str, names: tuple[str, ...]
    ) -> MetricWrapperBase:
        documentation = name.replace("_", " ")
        if kind is Histogram:
            return Histogram(name, documentation, names, registry=self.registry, buckets=BUCKETS)
        return kind(name, documentation, names, registry=self.registry)

    def inc(self, name: str, amount: float = 1.0, **labels: str) -> None:
        counter = self._get(Counter, name, labels)
        assert isinstance(counter, Counter)
        counter.inc(amount)

    def set_gauge(self, name: str, value: float, **labels: str) -> None:
        gauge = self._get(Gauge, name, labels)
        assert isinstance(gauge, Gauge)
        gauge.set(value)

    def observe(self, name: str, seconds: float, **labels: str) -> None:
        histogram = self._get(Histogram, name, labels)
        assert isinstance(histogram, Histogram)
        histogram.observe(seconds)

    @contextmanager
    def timer(self, name: str, **labels: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.observe(name, time.perf_counter() - started, **labels)

    def counter_value(self, name: str, **labels: str) -> float:
        sample = name if name.endswith("_total") else f"{name}_total"
        value = self.registry.get_sample_value(sample, labels)
        return float(value) if value is not None else 0.0

    def sample(self, name: str, **labels: str) -> float | None:
        """The current value of one sample (a gauge, a histogram's ``_count``…), or None."""
        value = self.registry.get_sample_value(name, labels)
        return float(value) if value is not None else None

    def render(self) -> str:
        """The Prometheus text exposition of everything recorded so far."""
        text: bytes = generate_latest(self.registry)
        return text.decode()


#: The process-wide registry (metrics are process state by nature, like logging).
METRICS = Metrics()
