"""``LLMCoder``: HVdC coding by an LLM with the codebook, checked code by code, rules as backstop.

The report is scrubbed of personal data before it leaves the machine.  The model codes the
categories of :data:`~.notation.LLM_CATEGORIES`; objects, activities and modifiers, and any
category the answer leaves out, come from the rule coder, which also codes the whole report
when the call fails (timeout, HTTP error, unreadable answer).  Malformed codes are dropped and
counted.  Cost and latency of each call are logged (never the text) and summed in
:class:`CoderStats`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from core.llm.pricing import PriceTable
from core.privacy import scrub

from ..coder import code_dream
from ..types import CATEGORIES, Code, Coding
from .answer import CheckedAnswer, UnreadableAnswer, check_answer
from .backends import CodingBackend, CodingCallError, RawCoding
from .codebook import EXAMPLES, Example, render_prompt

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CoderStats:
    """What the LLM coder did so far: calls, fallbacks, dropped codes, cost and latency."""

    calls: int = 0
    answered: int = 0
    fallbacks: int = 0
    dropped_codes: int = 0
    cost_usd: float = 0.0
    latency_ms: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LLMCoding:
    """One report's coding and where it came from (``llm`` or ``rules``)."""

    coding: Coding
    source: str
    dropped: int = 0
    cost_usd: float = 0.0
    latency_ms: float = 0.0
    error: str = ""


class LLMCoder:
    """Codes reports with one provider model; see the module docstring."""

    def __init__(
        self,
        backend: CodingBackend,
        *,
        prices: PriceTable | None = None,
        timeout_s: float = 30.0,
        max_output_tokens: int = 800,
        examples: tuple[Example, ...] = EXAMPLES,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.name = f"{backend.provider}:{backend.model}"
        self.stats = CoderStats()
        self._backend, self._prices = backend, prices or PriceTable()
        self._timeout_s, self._max_tokens = timeout_s, max_output_tokens
        self._examples, self._timer = examples, timer

    async def code(self, text: str, lang: str = "en") -> LLMCoding:
        """The coding of one report; never raises for a provider's failure."""
        rules = code_dream(text, lang)
        if not rules.supported or rules.language != "en":
            return LLMCoding(rules, "rules")  # the LLM codebook and examples are English
        self.stats.calls += 1
        started = self._timer()
        try:
            raw = await asyncio.wait_for(self._ask(text), self._timeout_s)
            checked = check_answer(raw.payload)
        except (TimeoutError, CodingCallError, UnreadableAnswer) as exc:
            return self._fallback(rules, exc, started)
        latency_ms = (self._timer() - started) * 1000
        cost = self._prices.usage(self._backend.model, raw.input_tokens, raw.output_tokens)
        self._account(checked, cost.cost_usd, latency_ms)
        coding = _merged(checked, rules)
        return LLMCoding(coding, "llm", checked.dropped_total, cost.cost_usd, latency_ms)

    async def aclose(self) -> None:
        """Close the provider's client."""
        await self._backend.aclose()

    async def _ask(self, text: str) -> RawCoding:
        prompt = render_prompt(scrub(text).text, self._examples)
        return await self._backend.ask(prompt, max_tokens=self._max_tokens)

    def _fallback(self, rules: Coding, exc: BaseException, started: float) -> LLMCoding:
        kind = "timeout" if isinstance(exc, TimeoutError) else type(exc).__name__
        latency_ms = (self._timer() - started) * 1000
        self.stats.fallbacks += 1
        self.stats.errors[kind] = self.stats.errors.get(kind, 0) + 1
        log.warning("hvdc llm coder %s failed (%s): the rules coded the report", self.name, kind)
        return LLMCoding(rules, "rules", latency_ms=latency_ms, error=kind)

    def _account(self, checked: CheckedAnswer, cost_usd: float, latency_ms: float) -> None:
        stats = self.stats
        stats.answered += 1
        stats.dropped_codes += checked.dropped_total
        stats.cost_usd += cost_usd
        stats.latency_ms += latency_ms
        log.info(
            "hvdc llm coding by %s: %.0f ms, %.6f USD, %d malformed codes dropped%s",
            self.name,
            latency_ms,
            cost_usd,
            checked.dropped_total,
            f", rules for {','.join(checked.missing)}" if checked.missing else "",
        )


def _merged(checked: CheckedAnswer, rules: Coding) -> Coding:
    """The LLM's codes where it gave a list, the rules' codes everywhere else."""
    codes: list[Code] = []
    for category in CATEGORIES:
        given = checked.codes.get(category)
        if given is None:
            codes.extend(rules.of(category))
        else:
            codes.extend(Code(category, code) for code in given)
    return Coding(codes=codes, language=rules.language)
