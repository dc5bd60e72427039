"""Builds the dream analyzer from settings: the interpretation chain (LLM links when keys are
set, offline always last), the embedder and the lunar lookup. Called by the composition root
(``cli/runtime.py``) only."""

from __future__ import annotations

import logging

from core.analysis.hvdc.llm import PlanCoder
from core.config import Settings
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
from core.services import Storage

log = logging.getLogger(__name__)


def build_interpreter(settings: Settings, storage: Storage) -> InterpretationChain:
    """The chain with its budgets counted in Redis (shared by workers) or in memory."""
    counter = (
        RedisCounter(storage.redis, prefix=settings.redis_prefix)
        if storage.redis is not None
        else MemoryCounter()
    )
    return build_chain(settings.llm, OfflineInterpreter(), counter, storage.cache)


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


def build_analyzer(
    settings: Settings, storage: Storage, embedder: Embedder | None = None
) -> Analyzer:
    """``embedder``: a replacement for the configured one (benches measure each kind)."""
    return Analyzer(
        interpreter=build_interpreter(settings, storage),
        embedder=embedder or build_embedder(settings.llm),
        lunar=lunar_night,
        deadline_s=settings.llm.chain_deadline_s,
        hvdc=PlanCoder.build(settings.llm.hvdc_coder, settings.llm)
        if settings.llm.hvdc_coder != "rules"
        else None,
    )
