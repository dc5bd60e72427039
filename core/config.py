"""Typed settings from the environment and an optional ``.env`` file.

One ``Settings`` instance is built in ``main()`` and passed down; nothing else reads the
environment. Secrets are ``SecretStr`` so they never appear in logs or reprs.
"""

from __future__ import annotations

from pathlib import Path

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

    # Voice notes (core/asr): engines, weights and limits.
    #: A faster-whisper model name (``base``, ``tiny.en``, ``small``...; bundled offline weights
    #: are used when their package is installed, else downloaded once) or a local model folder.
    asr_model: str = Field("base", alias="ASR_MODEL", min_length=1)
    asr_cache_dir: Path = Field(
        default_factory=lambda: Path.home() / ".cache" / "oneiroscope" / "asr",
        alias="ASR_CACHE_DIR",
    )
    asr_cpu_threads: int = Field(0, alias="ASR_CPU_THREADS", ge=0)  # 0: all cores, at most 4
    #: A Vosk model folder: the second engine (its language: ``VOSK_LANGUAGE``).
    vosk_model_dir: Path | None = Field(None, alias="VOSK_MODEL_DIR")
    vosk_language: str = Field("ru", alias="VOSK_LANGUAGE", pattern=r"^(en|ru)$")
    voice_max_seconds: int = Field(300, alias="VOICE_MAX_SECONDS", ge=5)
    voice_max_bytes: int = Field(20_000_000, alias="VOICE_MAX_BYTES", ge=10_000)
    voice_daily_minutes: int = Field(30, alias="VOICE_DAILY_MINUTES", ge=0)

    model_config["populate_by_name"] = True

    @field_validator("vosk_model_dir", mode="before")
    @classmethod
    def _blank_path_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("redis_url", "public_url", "telegram_api_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token", "sentry_dsn", "webhook_secret", mode="before")
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

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
