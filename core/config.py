"""Typed settings from the environment and an optional ``.env`` file.

One ``Settings`` instance is built in ``main()`` and passed down; nothing else reads the
environment. Secrets are ``SecretStr`` so they never appear in logs or reprs.
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite://./oneiroscope.db"


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

    # Mini App and web dashboard (auth, cookies, API limits).
    #: Oldest Mini App initData accepted (Telegram signs it when the app opens).
    webapp_auth_max_age_s: int = Field(86400, alias="WEBAPP_AUTH_MAX_AGE", ge=60)
    #: Oldest Telegram Login Widget payload accepted by the dashboard's login.
    login_max_age_s: int = Field(86400, alias="LOGIN_MAX_AGE", ge=60)
    #: Signs the dashboard's tokens; derived from BOT_TOKEN when unset.
    web_secret_key: SecretStr | None = Field(None, alias="WEB_SECRET_KEY")
    access_token_ttl_s: int = Field(900, alias="ACCESS_TOKEN_TTL", ge=30)
    refresh_token_ttl_s: int = Field(30 * 86400, alias="REFRESH_TOKEN_TTL", ge=300)
    #: Off only for plain-http local development: browsers drop Secure cookies elsewhere.
    web_cookie_secure: bool = Field(True, alias="WEB_COOKIE_SECURE")
    #: Comma-separated Telegram ids with the admin role (support pages).
    admin_telegram_ids: str = Field("", alias="ADMIN_TELEGRAM_IDS", pattern=r"^[\d,\s]*$")
    #: The bot's @username, for the dashboard's Telegram Login Widget.
    bot_username: str | None = Field(None, alias="BOT_USERNAME")
    api_max_body_bytes: int = Field(64 * 1024, alias="API_MAX_BODY_BYTES", ge=1024)

    model_config["populate_by_name"] = True

    @field_validator("redis_url", "public_url", "telegram_api_url", "bot_username", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token", "sentry_dsn", "webhook_secret", "web_secret_key", mode="before")
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def admin_ids(self) -> frozenset[int]:
        return frozenset(int(part) for part in self.admin_telegram_ids.split(",") if part.strip())

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
