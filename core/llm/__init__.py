"""The LLM layer: providers (OpenAI, Anthropic, OpenAI-compatible), router, budgets, cache, PII
scrubbing and quality checks, put together as an :class:`InterpretationChain` by
:func:`build_chain`.

Wiring (once, by the composition root ``cli/runtime.py``; see ``core/dreams/wiring.py``)::

    llm_settings = settings.llm                        # the ``llm`` section of core.config
    if services.redis is not None:
        counter = RedisCounter(services.redis, prefix=settings.redis_prefix)
    else:
        counter = MemoryCounter()
    chain = build_chain(llm_settings, OfflineInterpreter(...), counter, services.cache)
    interpretation = await chain.interpret(context)    # never raises unless offline does
    ...
    await chain.aclose()                               # at shutdown: closes the SDK clients
"""

from core.llm.budget import BudgetGuard, Counter, MemoryCounter, RedisCounter
from core.llm.cache import InterpretationCache, KeyValueStore
from core.llm.chain import InterpretationChain
from core.llm.config import LLMSettings
from core.llm.embeddings import embed_openai
from core.llm.errors import LLMError
from core.llm.factory import build_chain
from core.llm.link import LLMLink
from core.llm.metrics import LLMMetrics

__all__ = [
    "BudgetGuard",
    "Counter",
    "InterpretationCache",
    "InterpretationChain",
    "KeyValueStore",
    "LLMError",
    "LLMLink",
    "LLMMetrics",
    "LLMSettings",
    "MemoryCounter",
    "RedisCounter",
    "build_chain",
    "embed_openai",
]
