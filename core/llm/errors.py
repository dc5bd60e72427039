"""The exception root of the LLM layer: every failure of a link is an :class:`LLMError`, which the
chain catches to fall to the next link. Each carries the usage already spent, so the failed
attempt is still charged to the budgets."""

from __future__ import annotations

from redis.exceptions import RedisError

from core.llm.pricing import Usage


class LLMError(Exception):
    """A link of the interpretation chain could not deliver; the chain tries the next one."""

    def __init__(self, message: str, *, usage: Usage | None = None) -> None:
        super().__init__(message)
        self.usage = usage or Usage()


class ConfigError(LLMError):
    """The LLM settings are inconsistent (e.g. an unknown provider in ``LLM_CHAIN``); fix the env."""


class ProviderError(LLMError):
    """The provider call failed. ``transient`` failures (timeouts, 5xx, 429) are worth a retry."""

    def __init__(self, message: str, *, transient: bool, usage: Usage | None = None) -> None:
        super().__init__(message, usage=usage)
        self.transient = transient


class MalformedAnswerError(ProviderError):
    """The provider answered, but not with the JSON our schema asks for."""

    def __init__(self, message: str, *, usage: Usage | None = None) -> None:
        super().__init__(message, transient=False, usage=usage)


class CircuitOpenError(LLMError):
    """The provider failed repeatedly and is skipped until its cool-down ends."""


class QualityRejectedError(LLMError):
    """The answer failed a quality check (medical claims, wrong language, prompt leak, length)."""

    def __init__(self, reasons: list[str], *, usage: Usage | None = None) -> None:
        super().__init__("answer rejected: " + ", ".join(reasons), usage=usage)
        self.reasons = reasons


class StoreUnavailableError(LLMError):
    """The cache or budget store (Redis) did not answer; the chain degrades instead of failing."""


#: What a cache or counter may raise when its backend is down: ours, redis-py's (a store such as
#: ``core.cache.RedisCache`` passes them through), and socket-level errors. The chain degrades on
#: these instead of failing the dream.
STORE_ERRORS: tuple[type[BaseException], ...] = (StoreUnavailableError, RedisError, OSError)
