"""The ``llm`` section of the settings (``settings.llm``): read with the rest by ``core.config``.

``LLM_CHAIN`` lists the links in order, ``provider:model`` each, ``offline`` for the local
interpreter; a link may be limited to some languages with ``@``: ``openai:llama3.1@en`` (useful
for a small local model that writes poor Russian). An OpenAI-compatible server (Ollama, vLLM,
LM Studio) is used through ``OPENAI_BASE_URL``; it needs no key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

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
    """Everything the LLM layer reads from the environment; each field names its variable."""

    model_config = ConfigDict(frozen=True, validate_by_name=True, validate_by_alias=True)

    openai_api_key: SecretStr | None = Field(None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(None, validation_alias="OPENAI_BASE_URL")
    anthropic_api_key: SecretStr | None = Field(None, validation_alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(None, validation_alias="ANTHROPIC_BASE_URL")
    chain: str = Field(DEFAULT_CHAIN, validation_alias="LLM_CHAIN")
    #: Chain for paying plans; empty means the same as ``chain``.
    premium_chain: str = Field("", validation_alias="LLM_CHAIN_PREMIUM")
    premium_plans: frozenset[str] = Field(
        frozenset({"premium", "pro"}), validation_alias="LLM_PREMIUM_PLANS"
    )
    request_timeout_s: float = Field(20.0, validation_alias="LLM_TIMEOUT_S", gt=0)
    connect_timeout_s: float = Field(5.0, validation_alias="LLM_CONNECT_TIMEOUT_S", gt=0)
    #: All LLM links of one dream together, retries included; then the offline link answers.
    chain_deadline_s: float = Field(45.0, validation_alias="LLM_CHAIN_DEADLINE_S", gt=0)
    max_attempts: int = Field(2, validation_alias="LLM_MAX_ATTEMPTS", ge=1, le=5)
    retry_base_delay_s: float = Field(0.5, validation_alias="LLM_RETRY_BASE_DELAY_S", ge=0)
    retry_max_delay_s: float = Field(4.0, validation_alias="LLM_RETRY_MAX_DELAY_S", ge=0)
    breaker_failures: int = Field(3, validation_alias="LLM_BREAKER_FAILURES", ge=1)
    breaker_cooldown_s: float = Field(60.0, validation_alias="LLM_BREAKER_COOLDOWN_S", ge=0)
    user_daily_budget_usd: float = Field(0.02, validation_alias="LLM_USER_DAILY_BUDGET_USD", ge=0)
    premium_user_daily_budget_usd: float = Field(
        0.20, validation_alias="LLM_PREMIUM_USER_DAILY_BUDGET_USD", ge=0
    )
    global_monthly_budget_usd: float = Field(50.0, validation_alias="LLM_MONTHLY_BUDGET_USD", ge=0)
    cache_ttl_s: int = Field(30 * 24 * 3600, validation_alias="LLM_CACHE_TTL_S", ge=0)
    #: Bumped by hand to invalidate cached answers (e.g. after a prompt change).
    cache_version: str = Field("1", validation_alias="LLM_CACHE_VERSION")
    max_output_tokens: int = Field(900, validation_alias="LLM_MAX_OUTPUT_TOKENS", ge=64)
    temperature: float = Field(0.6, validation_alias="LLM_TEMPERATURE", ge=0, le=2)
    #: Shorter dreams go straight to the offline interpreter: an LLM adds nothing to "a cat".
    min_dream_chars: int = Field(15, validation_alias="LLM_MIN_DREAM_CHARS", ge=0)
    #: Longer dreams are cut to this length in the prompt (cost and context-window bound).
    max_dream_chars: int = Field(6000, validation_alias="LLM_MAX_DREAM_CHARS", ge=200)
    #: Who codes HVdC in the analysis pipeline: ``rules``, ``llm`` (every plan) or ``auto``
    #: (an LLM for the premium plans' dreams when a provider is configured, else the rules).
    hvdc_coder: Literal["rules", "llm", "auto"] = Field("rules", validation_alias="HVDC_CODER")
    #: Per-model price overrides, USD per 1M (input, output) tokens (code only, no variable).
    prices: dict[str, tuple[float, float]] = Field(default_factory=dict)

    @field_validator("premium_plans", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(p.strip() for p in value.split(",") if p.strip())
        return value

    @model_validator(mode="after")
    def _chains_parse(self) -> LLMSettings:
        """Fail at start-up, not on the first dream."""
        parse_chain(self.chain)
        parse_chain(self.premium_chain or self.chain)
        return self

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

    def off_parts(self) -> list[str]:
        """Start-up log lines for switched-off interpretation providers."""
        if (
            self.openai_api_key is None
            and self.anthropic_api_key is None
            and not self.openai_base_url
        ):
            return [
                "LLMs: off (no OPENAI_API_KEY, OPENAI_BASE_URL or ANTHROPIC_API_KEY) - "
                "interpretations are written by the offline interpreter"
            ]
        return []
