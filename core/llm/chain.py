"""The interpretation chain: cache, then the routed LLM links in order, then the offline link.

It always returns an interpretation unless the offline link itself raises (then the caller
decides). Personal data is scrubbed once per dream, before the cache key and any call; answers
are cached with placeholders and restored per request. ``model_used`` names the link that
answered; ``tokens_used`` and ``cost_usd`` include failed or rejected attempts of this request;
``latency_ms`` is the whole wait. All LLM links together get ``deadline_s``; what is left of it
goes to the offline link, so retries and slow providers cannot keep a user waiting for minutes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from core.i18n import normalize_locale
from core.interpret.types import DreamContext, Interpretation, Interpreter
from core.llm.budget import BudgetGuard
from core.llm.cache import InterpretationCache
from core.llm.errors import STORE_ERRORS, LLMError
from core.llm.link import LLMLink
from core.llm.metrics import LLMMetrics
from core.llm.pricing import Usage
from core.llm.prompting import render_prompt
from core.llm.router import Router
from core.llm.scrubbing import ScrubbedDream, restore_interpretation, scrub_context

log = logging.getLogger(__name__)


class SupportsClose(Protocol):
    """An SDK client (``AsyncOpenAI``, ``AsyncAnthropic``)."""

    async def close(self) -> None: ...


class InterpretationChain:
    """An :class:`~core.interpret.types.Interpreter` that falls from link to link."""

    name = "chain"

    def __init__(
        self,
        *,
        links: Mapping[str, LLMLink],
        clients: Sequence[SupportsClose] = (),
        router: Router,
        offline: Interpreter,
        budget: BudgetGuard,
        cache: InterpretationCache | None,
        metrics: LLMMetrics,
        max_dream_chars: int = 6000,
        deadline_s: float = 45.0,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.links = dict(links)
        self._clients = list(clients)
        self.metrics = metrics
        self._router = router
        self._offline = offline
        self._budget = budget
        self._cache = cache
        self._max_dream_chars = max_dream_chars
        self._deadline_s = deadline_s
        self._timer = timer

    async def interpret(self, context: DreamContext) -> Interpretation:
        started = self._timer()
        self.metrics.requests += 1
        context = replace(context, locale=normalize_locale(context.locale))
        dream = scrub_context(context, self._max_dream_chars)
        key = self._cache.key(dream) if self._cache else ""
        cached = await self._load(key)
        if cached is not None:
            restored = restore_interpretation(cached, dream.mapping)
            return replace(self._finish(restored, Usage(), started), cache_key=key)
        deadline = started + self._deadline_s
        if context.deadline_at is not None:
            deadline = min(deadline, context.deadline_at)
        answer, spent, tried = await self._ask_links(context, dream, key, deadline)
        if tried > 1 or (tried and answer is None):
            self.metrics.fallbacks += 1
        if answer is not None:
            # The key goes with the answer so the account's deletion can erase the entry.
            return replace(self._finish(answer, spent, started), cache_key=key or None)
        return await self._ask_offline(context, spent, started)

    async def _ask_links(
        self, context: DreamContext, dream: ScrubbedDream, key: str, deadline: float
    ) -> tuple[Interpretation | None, Usage, int]:
        """Try the routed LLM links within the chain's deadline: the first accepted answer
        (restored) or None, the spend and the number of links tried."""
        prompt = render_prompt(dream)
        spent = Usage()
        tried = 0
        for link in self._router.candidates(context, context.locale):
            remaining = deadline - self._timer()
            if remaining <= 0:
                log.info("LLM deadline of %.1f s spent: answering offline", self._deadline_s)
                break
            if not await self._router.admits(link, context, prompt):
                self.metrics.link(link.name).skipped_budget += 1
                continue
            tried += 1
            try:
                async with asyncio.timeout(remaining):
                    result = await link.answer(dream, prompt)
            except TimeoutError:
                log.info("link %s cut off by the LLM deadline", link.name)
                link.breaker.record_failure()  # a provider that always stalls should open
                self.metrics.link(link.name).failures += 1
                continue
            except LLMError as exc:
                log.info("link %s failed (%s): %s", link.name, type(exc).__name__, exc)
                spent += exc.usage
                await self._charge(context.user_key, exc.usage)
                continue
            spent += result.usage
            # Two independent Redis writes, one wait: both swallow a store outage.
            await asyncio.gather(
                self._charge(context.user_key, result.usage), self._save(key, result.interpretation)
            )
            return restore_interpretation(result.interpretation, dream.mapping), spent, tried
        return None, spent, tried

    async def _ask_offline(
        self, context: DreamContext, spent: Usage, started: float
    ) -> Interpretation:
        stats = self.metrics.link(self._offline.name)
        stats.calls += 1
        offline_started = self._timer()
        try:
            result = await self._offline.interpret(context)
        except BaseException:
            stats.failures += 1
            raise
        stats.answers += 1
        stats.latency_ms_sum += (self._timer() - offline_started) * 1000
        return self._finish(replace(result, model_used=self._offline.name), spent, started)

    def _finish(self, result: Interpretation, spent: Usage, started: float) -> Interpretation:
        return replace(
            result,
            tokens_used=spent.tokens,
            cost_usd=spent.cost_usd,
            latency_ms=round((self._timer() - started) * 1000),
        )

    async def _charge(self, user_key: str, usage: Usage) -> None:
        try:
            await self._budget.charge(user_key, usage.cost_usd)
        except STORE_ERRORS as exc:
            log.warning("could not record LLM spend: %s", exc)

    async def _load(self, key: str) -> Interpretation | None:
        if self._cache is None:
            return None
        try:
            cached = await self._cache.load(key)
        except STORE_ERRORS as exc:
            log.warning("cache read skipped: %s", exc)
            return None
        if cached is None:
            self.metrics.cache_misses += 1
            return None
        self.metrics.cache_hits += 1
        return replace(cached, sources=[*cached.sources, "cache"])

    async def _save(self, key: str, result: Interpretation) -> None:
        if self._cache is None:
            return
        try:
            await self._cache.save(key, result)
        except STORE_ERRORS as exc:
            log.warning("cache write skipped: %s", exc)

    async def aclose(self) -> None:
        """Close the providers' HTTP clients (call once at shutdown)."""
        for client in self._clients:
            await client.close()
