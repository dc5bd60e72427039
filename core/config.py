"""Typed settings from the environment and an optional ``.env`` file.

One ``Settings`` instance is built in ``main()`` and passed down; nothing else reads the
environment. Secrets are ``SecretStr`` so they never appear in logs or reprs.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite://./oneiroscope.db"


@dataclass(frozen=True, slots=True)
class BillingSettings:
    """Billing configuration as one section (built from the flat environment fields)."""

    secret: SecretStr | None
    catalogue_json: str | None
    admin_ids: tuple[int, ...]
    support_contact: str
    checkout_base_url: str | None
    checkout_link_ttl: int
    stripe_api_key: SecretStr | None
    stripe_webhook_secret: SecretStr | None
    stripe_api_base: str | None
    stripe_currency: str
    yookassa_shop_id: str | None
    yookassa_secret_key: SecretStr | None
    yookassa_api_url: str | None
    yookassa_check_ip: bool
    bot_token: SecretStr | None

    @classmethod
    def from_settings(cls, settings: Settings) -> BillingSettings:
        return cls(
            secret=settings.billing_secret,
            catalogue_json=settings.billing_catalogue,
            admin_ids=tuple(settings.billing_admin_ids),
            support_contact=settings.billing_support_contact,
            checkout_base_url=settings.checkout_base_url or settings.public_url,
            checkout_link_ttl=settings.checkout_link_ttl,
            stripe_api_key=settings.stripe_api_key,
            stripe_webhook_secret=settings.stripe_webhook_secret,
            stripe_api_base=settings.stripe_api_base,
            stripe_currency=settings.stripe_currency,
            yookassa_shop_id=settings.yookassa_shop_id,
            yookassa_secret_key=settings.yookassa_secret_key,
            yookassa_api_url=settings.yookassa_api_url,
            yookassa_check_ip=settings.yookassa_check_ip,
            bot_token=settings.bot_token,
        )

    @property
    def stripe_enabled(self) -> bool:
        return self.stripe_api_key is not None

    @property
    def yookassa_enabled(self) -> bool:
        return self.yookassa_shop_id is not None and self.yookassa_secret_key is not None

    @property
    def card_enabled(self) -> bool:
        """Card checkout needs a gateway, a public address for links and a key to sign them."""
        gateway = self.stripe_enabled or self.yookassa_enabled
        return gateway and self.checkout_base_url is not None and self.signing_key is not None

    @property
    def signing_key(self) -> bytes | None:
        """The server secret for checkout links and account hashes: ``BILLING_SECRET``, else
        one derived from the bot token (so a deployment with a bot always has one)."""
        if self.secret is not None:
            return self.secret.get_secret_value().encode()
        if self.bot_token is not None:
            token = self.bot_token.get_secret_value().encode()
            return hmac.new(b"oneiroscope-billing-key", token, hashlib.sha256).digest()
        return None


class Settings(BaseSettings):
    """Everything the processes need; every field is documented in ``.env.example``."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

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

    # Billing (flat until the settings get sections; read through ``settings.billing``).
    billing_secret: SecretStr | None = Field(None, alias="BILLING_SECRET")
    billing_catalogue: str | None = Field(None, alias="BILLING_CATALOGUE")  # JSON, see billing
    billing_admin_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, alias="BILLING_ADMIN_IDS"
    )
    billing_support_contact: str = Field("", alias="BILLING_SUPPORT_CONTACT")
    checkout_base_url: str | None = Field(None, alias="CHECKOUT_BASE_URL")
    checkout_link_ttl: int = Field(900, alias="CHECKOUT_LINK_TTL", ge=30, le=86400)
    stripe_api_key: SecretStr | None = Field(None, alias="STRIPE_API_KEY")
    stripe_webhook_secret: SecretStr | None = Field(None, alias="STRIPE_WEBHOOK_SECRET")
    stripe_api_base: str | None = Field(None, alias="STRIPE_API_BASE")
    stripe_currency: str = Field("usd", alias="STRIPE_CURRENCY", pattern=r"^(usd|eur)$")
    yookassa_shop_id: str | None = Field(None, alias="YOOKASSA_SHOP_ID")
    yookassa_secret_key: SecretStr | None = Field(None, alias="YOOKASSA_SECRET_KEY")
    yookassa_api_url: str | None = Field(None, alias="YOOKASSA_API_URL")
    yookassa_check_ip: bool = Field(True, alias="YOOKASSA_CHECK_IP")

    model_config["populate_by_name"] = True

    @field_validator(
        "redis_url",
        "public_url",
        "telegram_api_url",
        "checkout_base_url",
        "stripe_api_base",
        "yookassa_api_url",
        "yookassa_shop_id",
        "billing_catalogue",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator(
        "bot_token",
        "sentry_dsn",
        "webhook_secret",
        "billing_secret",
        "stripe_api_key",
        "stripe_webhook_secret",
        "yookassa_secret_key",
        mode="before",
    )
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("billing_admin_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        """``BILLING_ADMIN_IDS=1,2`` (a comma list) as well as a JSON list."""
        if isinstance(value, str):
            return [int(part) for part in value.strip("[] ").replace(" ", "").split(",") if part]
        return value

    @property
    def billing(self) -> BillingSettings:
        """The billing section: catalogue, secrets and gateways (``core.billing`` reads it)."""
        return BillingSettings.from_settings(self)

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
            lines.append(f"PostgreSQL: off (DATABASE_URL is not set) - using {self.database_url}")
        if self.sentry_dsn is None:
            lines.append("Sentry: off (SENTRY_DSN is not set)")
        return lines
