"""Settings of the LLM layer, built once by the app (``LLMSettings.from_env()``) and passed down.

``LLM_CHAIN`` lists the links in order, ``provider:model`` each, ``offline`` for the local
interpreter; a link may be limited to some languages with ``@``: ``openai:llama3.1@en`` (useful
for a small local model that writes poor Russian). An OpenAI-compatible server (Ollama, vLLM,
LM Studio) is used through ``OPENAI_BASE_URL``; it needs no key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from core.llm.errors import ConfigError

DEFAULT_CHAIN = "openai:gpt-4o-mini,anthropic:claude-3-5-haiku-latest,offline"
PROVIDERS: frozenset[str] = frozenset({"openai", "anthropic"})
OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """One entry of ``LLM_CHAIN``."""

    provider: str  # "openai" | "anthropic" | "offline"
    model: str = ""
    languages: frozenset[str] = frozenset()  # empty: every language

    @property
    def name(self) -> str:
        """The name the link answers under, e.g. ``openai:gpt-4o-mini``."""
        return self.provider if self.provider == OFFLINE else f"{self.provider}:{self.model}"

    @classmethod
    def parse(cls, entry: str) -> LinkSpec:
        """Parse ``provider:model[@lang+lang]``; raise :class:`ConfigError` on nonsense."""
        entry = entry.strip()
        entry, _, langs = entry.partition("@")
        languages = frozenset(x.strip().lower() for x in langs.split("+") if x.strip())
        if entry == OFFLINE:
            return cls(OFFLINE, languages=languages)
        provider, _, model = entry.partition(":")
        if provider not in PROVIDERS or not model:
            raise ConfigError(
                f"bad LLM_CHAIN entry {entry!r}: use provider:model with provider one of "
                f"{sorted(PROVIDERS)}, or 'offline'"
            )
        return cls(provider, model, languages)


def parse_chain(text: str) -> tuple[LinkSpec, ...]:
    """Parse a comma-separated chain; ``offline`` is appended when missing, because the chain must
    always be able to answer."""
    specs = tuple(LinkSpec.parse(x) for x in text.split(",") if x.strip())
    if not specs or specs[-1].provider != OFFLINE:
        specs = (*(s for s in specs if s.provider != OFFLINE), LinkSpec(OFFLINE))
    return specs


class LLMSettings(BaseModel):
    """Everything the LLM layer reads from the environment (see :meth:`from_env` for names)."""

    model_config = ConfigDict(frozen=True)

    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    anthropic_api_key: SecretStr | None = None
    anthropic_base_url: str | None = None
    chain: str = DEFAULT_CHAIN
    #: Chain for paying plans; empty means the same as ``chain``.
    premium_chain: str = ""
    premium_plans: frozenset[str] = frozenset({"premium", "pro"})
    request_timeout_s: float = Field(default=20.0, gt=0)
    connect_timeout_s: float = Field(default=5.0, gt=0)
    #: All LLM links of one dream together, retries included; then the offline link answers.
    chain_deadline_s: float = Field(default=45.0, gt=0)
    max_attempts: int = Field(default=2, ge=1, le=5)
    retry_base_delay_s: float = Field(default=0.5, ge=0)
    retry_max_delay_s: float = Field(default=4.0, ge=0)
    breaker_failures: int = Field(default=3, ge=1)
    breaker_cooldown_s: float = Field(default=60.0, ge=0)
    user_daily_budget_usd: float = Field(default=0.02, ge=0)
    premium_user_daily_budget_usd: float = Field(default=0.20, ge=0)
    global_monthly_budget_usd: float = Field(default=50.0, ge=0)
    cache_ttl_s: int = Field(default=30 * 24 * 3600, ge=0)
    #: Bumped by hand to invalidate cached answers (e.g. after a prompt change).
    cache_version: str = "1"
    max_output_tokens: int = Field(default=900, ge=64)
    temperature: float = Field(default=0.6, ge=0, le=2)
    #: Shorter dreams go straight to the offline interpreter: an LLM adds nothing to "a cat".
    min_dream_chars: int = Field(default=15, ge=0)
    #: Longer dreams are cut to this length in the prompt (cost and context-window bound).
    max_dream_chars: int = Field(default=6000, ge=200)
    #: Who codes HVdC in the analysis pipeline: ``rules``, ``llm`` (every plan) or ``auto``
    #: (an LLM for the premium plans' dreams when a provider is configured, else the rules).
    hvdc_coder: Literal["rules", "llm", "auto"] = "rules"
    #: Per-model price overrides, USD per 1M (input, output) tokens.
    prices: dict[str, tuple[float, float]] = Field(default_factory=dict)

    def links(self, plan: str) -> tuple[LinkSpec, ...]:
        """The configured chain for a plan."""
        if plan in self.premium_plans and self.premium_chain.strip():
            return parse_chain(self.premium_chain)
        return parse_chain(self.chain)

    def daily_budget(self, plan: str) -> float:
        """The per-user daily budget (USD) of a plan."""
        if plan in self.premium_plans:
            return self.premium_user_daily_budget_usd
        return self.user_daily_budget_usd

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> LLMSettings:
        """Build from environment variables (``env`` defaults to ``os.environ``)."""
        source = os.environ if env is None else env
        values: dict[str, Any] = {}
        for field_name, var in _ENV_NAMES.items():
            raw = source.get(var, "").strip()
            if raw:
                values[field_name] = raw
        if "premium_plans" in values:
            values["premium_plans"] = frozenset(
                p.strip() for p in values["premium_plans"].split(",")
            )
        settings = cls.model_validate(values)
        parse_chain(settings.chain)  # fail at start-up, not on the first dream
        parse_chain(settings.premium_chain or settings.chain)
        return settings


_ENV_NAMES: dict[str, str] = {
    "openai_api_key": "OPENAI_API_KEY",
    "openai_base_url": "OPENAI_BASE_URL",
    "anthropic_api_key": "ANTHROPIC_API_KEY",
    "anthropic_base_url": "ANTHROPIC_BASE_URL",
    "chain": "LLM_CHAIN",
    "premium_chain": "LLM_CHAIN_PREMIUM",
    "premium_plans": "LLM_PREMIUM_PLANS",
    "request_timeout_s": "LLM_TIMEOUT_S",
    "connect_timeout_s": "LLM_CONNECT_TIMEOUT_S",
    "chain_deadline_s": "LLM_CHAIN_DEADLINE_S",
    "max_attempts": "LLM_MAX_ATTEMPTS",
    "retry_base_delay_s": "LLM_RETRY_BASE_DELAY_S",
    "breaker_failures": "LLM_BREAKER_FAILURES",
    "breaker_cooldown_s": "LLM_BREAKER_COOLDOWN_S",
    "user_daily_budget_usd": "LLM_USER_DAILY_BUDGET_USD",
    "premium_user_daily_budget_usd": "LLM_PREMIUM_USER_DAILY_BUDGET_USD",
    "global_monthly_budget_usd": "LLM_MONTHLY_BUDGET_USD",
    "cache_ttl_s": "LLM_CACHE_TTL_S",
    "cache_version": "LLM_CACHE_VERSION",
    "max_output_tokens": "LLM_MAX_OUTPUT_TOKENS",
    "min_dream_chars": "LLM_MIN_DREAM_CHARS",
    "max_dream_chars": "LLM_MAX_DREAM_CHARS",
    "hvdc_coder": "HVDC_CODER",
}
