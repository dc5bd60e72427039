"""Reachability of the real PostgreSQL and Redis the tests use, and the skip-or-fail policy.

Tests that need a service find it at ``TEST_DATABASE_URL`` / ``TEST_REDIS_URL`` (defaults: this
machine's local servers). Unreachable means *skip with a reason* on a developer's laptop, and a
*failure* under ``ONEIROSCOPE_REQUIRE_SERVICES=1`` (set by ``.ci/run``).
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def services_required() -> bool:
    """True when an unreachable service must fail the run instead of skipping tests."""
    return os.environ.get("ONEIROSCOPE_REQUIRE_SERVICES", "").strip() in {"1", "true", "yes"}


def test_pg_url() -> str:
    return os.environ.get("TEST_DATABASE_URL", DEFAULT_PG_URL)


def test_redis_url() -> str:
    return os.environ.get("TEST_REDIS_URL", DEFAULT_REDIS_URL)


# Not tests themselves, despite the prefix.
test_pg_url.__test__ = False  # type: ignore[attr-defined]
test_redis_url.__test__ = False  # type: ignore[attr-defined]


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), 2
        ):
            return True
    except OSError:
        return False


def require_service(name: str, url: str, default_port: int) -> str:
    """Return ``url`` when the service answers; otherwise skip (or fail under CI)."""
    if _reachable(url, default_port):
        return url
    message = f"{name} is not reachable at {url}; set TEST_{name.upper()}_URL or start it"
    if services_required():
        pytest.fail(message + " (ONEIROSCOPE_REQUIRE_SERVICES=1)")
    pytest.skip(message)


def postgres_url() -> str:
    return require_service("database", test_pg_url(), 5432)


def redis_url() -> str:
    return require_service("redis", test_redis_url(), 6379)
