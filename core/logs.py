"""Structured JSON logs (one object per line) and Sentry, both without personal data."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from core.config import Settings

_STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "msg", ...extra}``; exceptions as a ``exc`` string."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                payload[key] = value if isinstance(value, str | int | float | bool) else repr(value)
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    use_json = settings.log_format == "json" or (
        settings.log_format == "auto" and not sys.stderr.isatty()
    )
    if use_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    # Libraries that log request bodies or tokens at DEBUG stay at INFO.
    for noisy in ("aiogram.event", "httpx", "openai", "anthropic", "tortoise.db_client"):
        logging.getLogger(noisy).setLevel(max(logging.INFO, root.level))


def _strip_personal_data(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any] | None:
    """Sentry must never receive a dream: drop request bodies, local variables and breadcrumbs."""
    event.pop("request", None)
    event.pop("breadcrumbs", None)
    for exception in event.get("exception", {}).get("values", []):
        for frame in exception.get("stacktrace", {}).get("frames", []):
            frame.pop("vars", None)
    return event


def configure_sentry(settings: Settings) -> bool:
    """Start Sentry when ``SENTRY_DSN`` is set; True when it runs."""
    if settings.sentry_dsn is None:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=settings.sentry_dsn.get_secret_value(),
        send_default_pii=False,
        include_local_variables=False,
        before_send=_strip_personal_data,
        traces_sample_rate=0.0,
    )
    return True
