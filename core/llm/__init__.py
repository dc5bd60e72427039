"""The LLM layer: providers (OpenAI, Anthropic, OpenAI-compatible), router, budgets, cache, PII
scrubbing and quality checks, put together as an :class:`InterpretationChain` by
:func:`build_chain`."""

from core.llm.budget import BudgetGuard, Counter, MemoryCounter, RedisCounter
from core.llm.cache import InterpretationCache, KeyValueStore, MemoryKV, RedisKV
from core.llm.chain import InterpretationChain
from core.llm.config import LLMSettings
from core.llm.errors import LLMError
from core.llm.factory import build_chain
from core.llm.metrics import LLMMetrics

__all__ = [
    "BudgetGuard",
    "Counter",
    "InterpretationCache",
    "InterpretationChain",
    "KeyValueStore",
    "LLMError",
    "LLMMetrics",
    "LLMSettings",
    "MemoryCounter",
    "MemoryKV",
    "RedisCounter",
    "RedisKV",
    "build_chain",
]
