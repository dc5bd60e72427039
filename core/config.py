"""The one configuration of the product: typed settings from the environment and ``.env``.

One ``Settings`` instance is built in ``cli/main.py`` and passed down; nothing else reads the
environment or ``.env`` (a test checks this). Secrets are ``SecretStr`` so they never appear in
logs or reprs. Every variable is documented in ``.env.example`` (a test checks it against this
model). The real environment wins over ``.env``; a blank value (``KEY=``) counts as unset.

Sections
--------
Each area of the product keeps its settings in a *section*: a pydantic ``BaseModel`` in
``core/<area>/config.py`` whose fields name their **flat** environment variable with
``validation_alias`` (``OPENAI_API_KEY``, not ``LLM__OPENAI_API_KEY``). ``SectionsSource`` fills
every section from the same environment and ``.env`` as the top-level fields. To add one:

1. In ``core/<area>/config.py``::

       class BillingSettings(BaseModel):
           model_config = ConfigDict(frozen=True, validate_by_name=True)

           stripe_api_key: SecretStr | None = Field(None, validation_alias="STRIPE_API_KEY")
           credit_price_stars: int = Field(50, validation_alias="CREDIT_PRICE_STARS", ge=1)

2. Here, one line in ``Settings``::

       billing: BillingSettings = Field(default_factory=BillingSettings)

3. Document each variable in ``.env.example`` (``tests/core/test_config.py`` fails until you do).

Code reads ``settings.billing.stripe_api_key``; tests build a section by field name
(``BillingSettings(stripe_api_key=...)``) and pass it as ``Settings(billing=...)``.

Process-level switches read before any settings exist (BLAS threads in ``cli/__init__.py``) are
the only other place that touches ``os.environ``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from core.asr.config import AsrSettings
from core.auth.config import WebSettings
from core.billing.config import BillingSettings
from core.llm.config import LLMSettings

DEFAULT_DATABASE_URL = "sqlite://./oneiroscope.db"
#: Telegram ids, comma-separated (``1,2``; ``[1, 2]`` is accepted too).
_ID_LIST = r"^[\[\]\d,\s]*$"


def parse_id_list(value: str) -> frozenset[int]:
    """``"1, 2"`` or ``"[1,2]"`` as a set of Telegram ids."""
    return frozenset(int(part) for part in value.strip("[] ").replace(" ", "").split(",") if part)


class Settings(BaseSettings):
    """Everything the processes need; every variable is documented in ``.env.example``."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_by_name=True,
        validate_by_alias=True,
        env_ignore_empty=True,
    )

    database_url: str = Field(DEFAULT_DATABASE_URL, alias="DATABASE_URL")
    redis_url: str | None = Field(None, alias="REDIS_URL")
    #: Prefix of every Redis key and of the job queue, so deployments can share one Redis.
    redis_namespace: str = Field("oneiroscope", alias="REDIS_NAMESPACE", pattern=r"^[\w.-]+$")
    bot_token: SecretStr | None = Field(None, alias="BOT_TOKEN")
    telegram_api_url: str | None = Field(None, alias="TELEGRAM_API_URL")
    web_host: str = Field("127.0.0.1", alias="WEB_HOST")
    web_port: int = Field(8080, alias="WEB_PORT", ge=0, le=65535)
    public_url: str | None = Field(None, alias="PUBLIC_URL")
    webhook_secret: SecretStr | None = Field(None, alias="WEBHOOK_SECRET")
    sentry_dsn: SecretStr | None = Field(None, alias="SENTRY_DSN")
    log_level: str = Field("INFO", alias="LOG_LEVEL")
    log_format: str = Field("auto", alias="LOG_FORMAT")  # auto | json | text
    #: ``auto``: uvloop where it is installed (Linux, macOS), else asyncio's own loop.
    event_loop: str = Field("auto", alias="EVENT_LOOP", pattern=r"^(auto|uvloop|asyncio)$")

    # Dream flow limits (bad input gets a clear reply, never a crash).
    max_dream_chars: int = Field(12000, alias="MAX_DREAM_CHARS", ge=100)
    min_dream_chars: int = Field(20, alias="MIN_DREAM_CHARS", ge=1)
    throttle_rate: float = Field(1.0, alias="THROTTLE_RATE", gt=0)  # messages per second
    throttle_burst: int = Field(5, alias="THROTTLE_BURST", ge=1)

    # Recovery: lost jobs are found again (core.dreams.sweeper); probes of non-web processes.
    #: A queued dream whose job has not started after this long is queued again.
    stuck_queued_after_s: float = Field(60.0, alias="STUCK_QUEUED_AFTER_S", gt=0)
    sweep_interval_s: float = Field(30.0, alias="SWEEP_INTERVAL_S", gt=0)
    #: ``bot`` and ``worker`` serve /healthz, /readyz and /metrics here (``web`` and ``run`` on
    #: WEB_PORT); unset: no probes (the Dockerfile and fly.toml set 9091).
    health_port: int | None = Field(None, alias="HEALTH_PORT", ge=0, le=65535)
    #: Support staff by Telegram id (comma-separated): the dashboard's admin pages, the bot's
    #: /refund and /grant, and where /paysupport questions go. One list for every admin power.
    admin_telegram_ids: str = Field("", alias="ADMIN_TELEGRAM_IDS", pattern=_ID_LIST)
    #: The older name of the same list (billing, #12), still read; see ``admin_ids``.
    billing_admin_ids: str = Field("", alias="BILLING_ADMIN_IDS", pattern=_ID_LIST)

    # Sections (see the module docstring): flat variables, one model per area.
    llm: LLMSettings = Field(default_factory=LLMSettings)
    asr: AsrSettings = Field(default_factory=AsrSettings)
    billing: BillingSettings = Field(default_factory=BillingSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sections = SectionsSource(settings_cls, env_settings, dotenv_settings)
        return init_settings, env_settings, dotenv_settings, sections, file_secret_settings

    @model_validator(mode="after")
    def _one_admin_list(self) -> Settings:
        current = parse_id_list(self.admin_telegram_ids)
        older = parse_id_list(self.billing_admin_ids)
        if current and older and current != older:
            raise ValueError(
                "ADMIN_TELEGRAM_IDS and BILLING_ADMIN_IDS (its older name) list different "
                "admins; keep one list in ADMIN_TELEGRAM_IDS and remove BILLING_ADMIN_IDS"
            )
        return self

    @property
    def admin_ids(self) -> frozenset[int]:
        """Who has the admin role, from ``ADMIN_TELEGRAM_IDS`` (or its older name)."""
        return parse_id_list(self.admin_telegram_ids) or parse_id_list(self.billing_admin_ids)

    @property
    def embedded(self) -> bool:
        """True when jobs, caches and rate limits live in this process (no Redis)."""
        return self.redis_url is None

    @property
    def redis_prefix(self) -> str:
        """What every Redis key of this deployment starts with."""
        return f"{self.redis_namespace}:"

    @property
    def job_queue_name(self) -> str:
        return f"{self.redis_prefix}jobs"

    @property
    def webhook_mode(self) -> bool:
        return self.public_url is not None

    def off_parts(self) -> list[str]:
        """One readable line for each real part that is switched off, for the start-up log."""
        lines: list[str] = []
        if self.bot_token is None:
            lines.append("Telegram: off (BOT_TOKEN is not set) - the web app runs without the bot")
        if self.redis_url is None:
            lines.append(
                "Redis: off (REDIS_URL is not set) - jobs run in-process; caches, "
                "conversation state and rate limits live in memory"
            )
        if self.database_url.startswith("sqlite"):
            why = "is SQLite" if "database_url" in self.model_fields_set else "is not set"
            lines.append(f"PostgreSQL: off (DATABASE_URL {why}) - using {self.database_url}")
        if self.sentry_dsn is None:
            lines.append("Sentry: off (SENTRY_DSN is not set)")
        lines += self.llm.off_parts()
        return lines


def section_variables(section: type[BaseModel]) -> dict[str, str]:
    """Field name → flat environment variable of every field of a section model."""
    return {
        name: field.validation_alias
        for name, field in section.model_fields.items()
        if isinstance(field.validation_alias, str)
    }


def sections(settings_cls: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The section fields of a settings model: those typed as a pydantic model."""
    return {
        name: field.annotation
        for name, field in settings_cls.model_fields.items()
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
    }


def environment_variables(settings_cls: type[BaseModel] = Settings) -> set[str]:
    """Every variable the settings read (top-level aliases and the sections' flat names)."""
    names = {field.alias for field in settings_cls.model_fields.values() if field.alias}
    for section in sections(settings_cls).values():
        names |= set(section_variables(section).values())
    return names


class SectionsSource(PydanticBaseSettingsSource):
    """Fills each section from flat variables of the same environment and ``.env`` file the
    top-level fields read (the environment wins; blank values are unset)."""

    def __init__(
        self,
        settings_cls: type[BaseSettings],
        env: PydanticBaseSettingsSource,
        dotenv: PydanticBaseSettingsSource,
    ) -> None:
        super().__init__(settings_cls)
        self._variables: dict[str, str] = {}
        for source in (dotenv, env):  # later wins
            if isinstance(source, EnvSettingsSource | DotEnvSettingsSource):
                self._variables.update(
                    {k.lower(): v for k, v in source.env_vars.items() if v and v.strip()}
                )

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # __call__ builds whole sections instead

    def __call__(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, section in sections(self.settings_cls).items():
            values = {
                alias: self._variables[alias.lower()]
                for alias in section_variables(section).values()
                if alias.lower() in self._variables
            }
            if values:
                found[name] = values
        return found
