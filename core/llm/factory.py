"""``build_chain``: the one place that turns :class:`LLMSettings` into a working chain."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import anthropic
import openai

from core.interpret.types import Interpreter
from core.llm.breaker import CircuitBreaker
from core.llm.budget import BudgetGuard, Counter
from core.llm.cache import InterpretationCache, KeyValueStore
from core.llm.chain import InterpretationChain
from core.llm.config import OFFLINE, LinkSpec, LLMSettings, parse_chain
from core.llm.link import LinkOptions, LLMLink
from core.llm.metrics import LLMMetrics
from core.llm.pricing import PriceTable
from core.llm.prompting import PROMPT_VERSION
from core.llm.providers import (
    AnthropicBackend,
    Backend,
    OpenAIBackend,
    anthropic_client,
    openai_client,
)
from core.llm.retry import RetryPolicy, Sleep
from core.llm.router import Router

log = logging.getLogger(__name__)


def chain_version(settings: LLMSettings) -> str:
    """Identifies what produced a cached answer: links, prompt version and the manual bump."""
    material = "|".join(
        (settings.chain, settings.premium_chain, PROMPT_VERSION, settings.cache_version)
    )
    return hashlib.sha256(material.encode()).hexdigest()[:12]


def build_chain(
    settings: LLMSettings,
    offline: Interpreter,
    counter: Counter,
    cache: KeyValueStore | None,
    *,
    metrics: LLMMetrics | None = None,
    sleep: Sleep = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> InterpretationChain:
    """Build the chain for ``settings``; links whose provider has no key (or URL) are left out
    with a log line. ``sleep``/``clock``/``now`` are for tests (retry pauses, circuit cool-downs,
    budget days)."""
    metrics = metrics or LLMMetrics()
    oa_client, an_client = openai_client(settings), anthropic_client(settings)
    retry = RetryPolicy(
        attempts=settings.max_attempts,
        base_delay_s=settings.retry_base_delay_s,
        max_delay_s=settings.retry_max_delay_s,
        sleep=sleep,
    )
    options = LinkOptions(
        settings.max_output_tokens, settings.temperature, settings.max_dream_chars
    )
    prices = PriceTable(settings.prices)
    links: dict[str, LLMLink] = {}
    for spec in _all_specs(settings):
        backend = _backend(spec, oa_client, an_client)
        if backend is None:
            log.info("LLM link %s left out: no key or base URL for %s", spec.name, spec.provider)
            continue
        breaker = CircuitBreaker(settings.breaker_failures, settings.breaker_cooldown_s, clock)
        links[spec.name] = LLMLink(
            backend, prices=prices, breaker=breaker, retry=retry, metrics=metrics, options=options
        )
    budget = BudgetGuard(
        counter,
        daily_budget=settings.daily_budget,
        monthly_budget=settings.global_monthly_budget_usd,
        now=now,
    )
    store = (
        InterpretationCache(
            cache, ttl_s=settings.cache_ttl_s, chain_version=chain_version(settings)
        )
        if cache is not None
        else None
    )
    return InterpretationChain(
        links=links,
        clients=[c for c in (oa_client, an_client) if c is not None],
        router=Router(settings, links, budget),
        offline=offline,
        budget=budget,
        cache=store,
        metrics=metrics,
        max_dream_chars=settings.max_dream_chars,
        deadline_s=settings.chain_deadline_s,
    )


def _all_specs(settings: LLMSettings) -> list[LinkSpec]:
    specs = [*parse_chain(settings.chain), *parse_chain(settings.premium_chain or settings.chain)]
    unique = {s.name: s for s in specs if s.provider != OFFLINE}
    return list(unique.values())


def _backend(
    spec: LinkSpec, oa_client: openai.AsyncOpenAI | None, an_client: anthropic.AsyncAnthropic | None
) -> Backend | None:
    if spec.provider == "openai" and oa_client is not None:
        return OpenAIBackend(oa_client, spec.model)
    if spec.provider == "anthropic" and an_client is not None:
        return AnthropicBackend(an_client, spec.model)
    return None
