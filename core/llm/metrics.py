"""In-process counters of the LLM layer (calls, failures, latency, tokens, cost per link; cache
and fallback counts), read by whoever exposes ``/metrics``. Plain Python on purpose: the numbers
are few and an exporter can turn a :meth:`LLMMetrics.snapshot` into any format."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class LinkStats:
    """Counters of one link (``openai:gpt-4o-mini``, ``offline`` ...)."""

    calls: int = 0
    failures: int = 0
    quality_rejections: int = 0
    skipped_open_circuit: int = 0
    skipped_budget: int = 0
    answers: int = 0
    latency_ms_sum: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0


@dataclass(slots=True)
class LLMMetrics:
    """The registry: one :class:`LinkStats` per link name plus chain-wide counters."""

    links: dict[str, LinkStats] = field(default_factory=dict)
    requests: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    fallbacks: int = 0  # answers that did not come from the first link of the route

    def link(self, name: str) -> LinkStats:
        """The stats of ``name``, created on first use."""
        stats = self.links.get(name)
        if stats is None:
            stats = self.links[name] = LinkStats()
        return stats

    def snapshot(self) -> dict[str, Any]:
        """A plain-data copy, safe to serialise or to compare in tests."""
        return {
            "requests": self.requests,
            "cache_hits": self.cache_hits,
            "cache_misses": self.cache_misses,
            "fallbacks": self.fallbacks,
            "links": {name: asdict(stats) for name, stats in self.links.items()},
        }


def render_prometheus(metrics: LLMMetrics) -> str:
    """The counters in the Prometheus text format, for ``/metrics``."""
    lines = [
        f"llm_requests_total {metrics.requests}",
        f"llm_cache_hits_total {metrics.cache_hits}",
        f"llm_cache_misses_total {metrics.cache_misses}",
        f"llm_fallbacks_total {metrics.fallbacks}",
    ]
    for name, stats in sorted(metrics.links.items()):
        for key, value in asdict(stats).items():
            suffix = "" if key.endswith("_sum") else "_total"
            lines.append(f'llm_link_{key}{suffix}{{link="{name}"}} {value}')
    return "\n".join(lines) + "\n"
