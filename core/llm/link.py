"""One LLM link of the chain: a provider backend guarded by a circuit breaker and a retry policy,
whose answer is validated, quality-checked and accounted (tokens, cost, latency).

The chain calls :meth:`LLMLink.answer` with a context it scrubbed once; used on its own, the link
is an :class:`~core.interpret.types.Interpreter` that scrubs and restores by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from core.interpret.types import DreamContext, Interpretation
from core.llm.breaker import CircuitBreaker
from core.llm.errors import (
    CircuitOpenError,
    MalformedAnswerError,
    ProviderError,
    QualityRejectedError,
)
from core.llm.metrics import LinkStats, LLMMetrics
from core.llm.pricing import PriceTable, Usage
from core.llm.prompting import Prompt, render_prompt
from core.llm.providers import Backend, RawAnswer
from core.llm.quality import QualityReport, check_answer
from core.llm.retry import RetryPolicy
from core.llm.schema import parse_answer
from core.llm.scrubbing import ScrubbedDream, restore_interpretation, scrub_context

#: Characters per token used for estimates before a call (conservative for Cyrillic).
CHARS_PER_TOKEN = 3.0


@dataclass(frozen=True, slots=True)
class LinkAnswer:
    """An accepted answer, still with placeholders, and what it cost."""

    interpretation: Interpretation
    usage: Usage


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """Generation and prompt limits shared by the links of a chain."""

    max_output_tokens: int = 900
    temperature: float = 0.6
    max_dream_chars: int = 6000


class LLMLink:
    """An :class:`~core.interpret.types.Interpreter` backed by one provider model."""

    def __init__(
        self,
        backend: Backend,
        *,
        prices: PriceTable,
        breaker: CircuitBreaker,
        retry: RetryPolicy,
        metrics: LLMMetrics,
        options: LinkOptions | None = None,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.name = f"{backend.provider}:{backend.model}"
        self.breaker = breaker
        self._backend = backend
        self._prices = prices
        self._retry = retry
        self._metrics = metrics
        self._options = options or LinkOptions()
        self._timer = timer

    def estimate_cost(self, prompt: Prompt) -> float:
        """An upper-ish estimate of one call's cost: the prompt plus half the output limit."""
        input_tokens = int((len(prompt.system) + len(prompt.user)) / CHARS_PER_TOKEN)
        output_tokens = self._options.max_output_tokens // 2
        return self._prices.usage(self._backend.model, input_tokens, output_tokens).cost_usd

    async def interpret(self, context: DreamContext) -> Interpretation:
        """Scrub, ask, check and restore: the link used as a standalone interpreter."""
        dream = scrub_context(context, self._options.max_dream_chars)
        answer = await self.answer(dream, render_prompt(dream))
        return restore_interpretation(answer.interpretation, dream.mapping)

    async def answer(self, dream: ScrubbedDream, prompt: Prompt) -> LinkAnswer:
        """Ask the provider about an already scrubbed dream; raise an ``LLMError`` to fall on."""
        stats = self._metrics.link(self.name)
        if not self.breaker.allow():
            stats.skipped_open_circuit += 1
            raise CircuitOpenError(f"{self.name}: circuit open")
        started = self._timer()
        raw = await self._call(prompt, stats)
        latency_ms = (self._timer() - started) * 1000
        usage = self._prices.usage(self._backend.model, raw.input_tokens, raw.output_tokens)
        stats.latency_ms_sum += latency_ms
        stats.input_tokens += usage.input_tokens
        stats.output_tokens += usage.output_tokens
        stats.cost_usd += usage.cost_usd
        try:
            report = check_answer(parse_answer(raw.payload, usage), dream, prompt.system, usage)
        except MalformedAnswerError:
            self.breaker.record_failure()
            stats.failures += 1
            raise
        except QualityRejectedError:
            # The provider is up; the answer was bad. Not a reason to open the circuit.
            self.breaker.record_success()
            stats.quality_rejections += 1
            raise
        self.breaker.record_success()
        stats.answers += 1
        return LinkAnswer(self._interpretation(report, dream, usage, latency_ms), usage)

    async def _call(self, prompt: Prompt, stats: LinkStats) -> RawAnswer:
        stats.calls += 1
        options = self._options
        try:
            return await self._retry.run(
                lambda: self._backend.complete(
                    prompt, max_tokens=options.max_output_tokens, temperature=options.temperature
                )
            )
        except ProviderError:
            self.breaker.record_failure()
            stats.failures += 1
            raise
        except BaseException:
            self.breaker.release()  # cancelled mid-call: no verdict on the provider
            raise

    def _interpretation(
        self, report: QualityReport, dream: ScrubbedDream, usage: Usage, latency_ms: float
    ) -> Interpretation:
        answer, ctx = report.answer, dream.context
        sources = ["llm"]
        sources += ["hvdc"] if ctx.coding.codes or ctx.highlights else []
        sources += ["symbols"] if answer.symbols else []
        sources += ["lunar"] if ctx.lunar else []
        sources += ["similar"] if ctx.similar else []
        return Interpretation(
            summary=answer.summary.strip(),
            text=answer.interpretation.strip(),
            archetypes=list(answer.archetypes),
            symbols=[s.key for s in answer.symbols],
            mood=answer.mood,
            confidence=report.confidence,
            model_used=self.name,
            tokens_used=usage.tokens,
            cost_usd=usage.cost_usd,
            latency_ms=round(latency_ms),
            sources=sources,
        )
