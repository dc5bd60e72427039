"""Sentry error reporting (sentry-sdk 3.x) that never sends personal data.

Only errors are sent: exceptions and ``ERROR`` log records. Nothing else leaves the process:
no breadcrumbs, no request bodies or headers, no local variables, no LLM prompts (no automatic
integrations), no command line. ``strip_personal_data`` keeps an allow-list of event fields, so
a field a future SDK adds is dropped rather than sent.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from core.config import Settings

if TYPE_CHECKING:
    from sentry_sdk.types import Event, Hint

#: Event fields that describe the failure and the process, never the user.
_KEPT_FIELDS = frozenset(
    {
        "event_id",
        "timestamp",
        "level",
        "platform",
        "logger",
        "logentry",
        "exception",
        "release",
        "environment",
        "server_name",
        "sdk",
        "contexts",
        "tags",
        "fingerprint",
    }
)
_KEPT_CONTEXTS = frozenset({"runtime", "os", "trace"})
#: Stack frame fields: where the code failed, not what it held.
_KEPT_FRAME_FIELDS = frozenset(
    {"filename", "abs_path", "module", "function", "lineno", "in_app", "context_line"}
)


def strip_personal_data(event: Event, hint: Hint) -> Event:
    """Sentry must never receive a dream, a name or a token: keep only the failure's shape."""
    kept: dict[str, Any] = {k: v for k, v in event.items() if k in _KEPT_FIELDS}
    contexts = kept.get("contexts")
    if isinstance(contexts, dict):
        kept["contexts"] = {k: v for k, v in contexts.items() if k in _KEPT_CONTEXTS}
    for exception in kept.get("exception", {}).get("values", []):
        stacktrace = exception.get("stacktrace") or {}
        stacktrace["frames"] = [
            {k: v for k, v in frame.items() if k in _KEPT_FRAME_FIELDS}
            for frame in stacktrace.get("frames", [])
        ]
    return cast("Event", kept)


def configure_sentry(settings: Settings) -> bool:
    """Start Sentry when ``SENTRY_DSN`` is set; True when it runs."""
    if settings.sentry_dsn is None:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.atexit import AtexitIntegration
    from sentry_sdk.integrations.dedupe import DedupeIntegration
    from sentry_sdk.integrations.excepthook import ExcepthookIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=settings.sentry_dsn.get_secret_value(),
        # Automatic integrations would record LLM prompts (dreams) and HTTP bodies: none.
        default_integrations=False,
        auto_enabling_integrations=False,
        integrations=[
            # ERROR log records become events (the central error handlers log that way);
            # nothing becomes a breadcrumb or a Sentry log.
            LoggingIntegration(level=None, event_level=logging.ERROR, breadcrumb_level=None),
            ExcepthookIntegration(),
            DedupeIntegration(),
            AtexitIntegration(),
        ],
        data_collection={
            "user_info": False,
            "stack_frame_variables": False,
            "http_bodies": [],
            "cookies": {"mode": "off"},
            "url_query_params": {"mode": "off"},
            "gen_ai": {"inputs": False, "outputs": False},
            "database_query_data": False,
        },
        before_send=strip_personal_data,
        traces_sample_rate=0.0,
    )
    return True
