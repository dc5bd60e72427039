"""Builds the dream analyzer from settings: the interpretation chain (LLM links when keys are
set, offline always last), the embedder and the lunar lookup. Called once by the app."""

from __future__ import annotations

import logging

from core.analysis.hvdc.llm import PlanCoder
from core.dreams.analyzer import Analyzer
from core.dreams.lunar_night import lunar_night
from core.embeddings import Embedder, OpenAIEmbedder, default_embedder
from core.interpret.offline import OfflineInterpreter
from core.llm import (
    InterpretationChain,
    LLMSettings,
    MemoryCounter,
    RedisCounter,
    build_chain,
    embed_openai,
)
from core.llm.providers import openai_client
from core.llm.retry import RetryPolicy
from core.privacy import scrub
from core.services import Services

log = logging.getLogger(__name__)


def build_interpreter(services: Services, llm: LLMSettings) -> InterpretationChain:
    counter = (
        RedisCounter(services.redis, prefix=services.settings.redis_prefix)
        if services.redis is not None
        else MemoryCounter()
    )
    return build_chain(llm, OfflineInterpreter(), counter, services.cache)


def build_embedder(llm: LLMSettings) -> Embedder:
    """OpenAI embeddings when an OpenAI key is set, else the local multilingual model."""
    client = openai_client(llm) if llm.openai_api_key is not None else None
    if client is None:
        return default_embedder()
    # The same time limits as the chat calls: a stalled endpoint must not hold the analysis.
    retry = RetryPolicy(llm.max_attempts, llm.retry_base_delay_s, llm.retry_max_delay_s)

    async def call(texts: list[str]) -> list[list[float]]:
        # The embedding request leaves the machine like any LLM call: personal data out first.
        scrubbed = [scrub(text).text for text in texts]
        return await embed_openai(client, scrubbed, retry=retry, timeout_s=llm.request_timeout_s)

    return OpenAIEmbedder(call, close=client.close)


def llm_off_lines(llm: LLMSettings) -> list[str]:
    """Start-up log lines for switched-off interpretation providers."""
    if llm.openai_api_key is None and llm.anthropic_api_key is None and not llm.openai_base_url:
        return [
            "LLMs: off (no OPENAI_API_KEY, OPENAI_BASE_URL or ANTHROPIC_API_KEY) - "
            "interpretations are written by the offline interpreter"
        ]
    return []


def build_analyzer(services: Services, llm: LLMSettings | None = None) -> Analyzer:
    llm = llm or LLMSettings.from_env()
    return Analyzer(
        interpreter=build_interpreter(services, llm),
        embedder=build_embedder(llm),
        lunar=lunar_night,
        hvdc=PlanCoder.build(llm.hvdc_coder, llm) if llm.hvdc_coder != "rules" else None,
    )
