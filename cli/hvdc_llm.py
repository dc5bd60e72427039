"""The LLM coder behind ``oneiroscope code --coder llm|auto``: one report at a time, stats at the end.

``llm`` without a configured provider is an error (exit 2, with what to set); ``auto`` then
falls back to the rules and says so.  The summary on stderr gives calls, fallbacks to the
rules, dropped malformed codes, cost and mean latency.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from cli.hvdc import LineCoder
from core.analysis.hvdc import code_dream
from core.analysis.hvdc.llm import LLMCoder, llm_coder
from core.analysis.hvdc.types import Coding
from core.config import Settings

NO_PROVIDER = (
    "--coder llm needs an LLM provider: set OPENAI_API_KEY (or OPENAI_BASE_URL) or "
    "ANTHROPIC_API_KEY, and LLM_CHAIN to pick the model"
)


class _LLMLines:
    """A synchronous face of :class:`LLMCoder` for a line-by-line command."""

    def __init__(self, coder: LLMCoder) -> None:
        self.coder = coder
        self._runner = asyncio.Runner()

    def __call__(self, text: str, lang: str) -> Coding:
        return self._runner.run(self.coder.code(text, lang)).coding

    def close(self) -> None:
        self._runner.run(self.coder.aclose())
        self._runner.close()
        stats = self.coder.stats
        mean = stats.latency_ms / stats.answered if stats.answered else 0.0
        print(
            f"llm coder {self.coder.name}: {stats.calls} calls, {stats.fallbacks} coded by the "
            f"rules after a failure {dict(stats.errors) or ''}, {stats.dropped_codes} malformed "
            f"codes dropped, {stats.cost_usd:.4f} USD, {mean:.0f} ms mean latency",
            file=sys.stderr,
        )


@contextmanager
def open_line_coder(choice: str) -> Iterator[LineCoder | None]:
    """The coder a ``--coder`` choice asks for; None (after a message) when it cannot be had."""
    if choice == "rules":
        yield code_dream
        return
    # Only an LLM choice needs the configuration (keys, chain): the rules run without it, so a
    # broken .env cannot stop them (see cli.main); this command builds it once, here.
    coder = llm_coder(Settings().llm)
    if coder is None:
        if choice == "llm":
            print(NO_PROVIDER, file=sys.stderr)
            yield None
            return
        print("--coder auto: no LLM provider configured, the rules code", file=sys.stderr)
        yield code_dream
        return
    lines = _LLMLines(coder)
    try:
        yield lines
    finally:
        lines.close()
