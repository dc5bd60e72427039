"""Shared fixtures: real service URLs and the reference data folder ``../shared``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import services
from tests.asr_models import asr_cache, base, tiny_en  # noqa: F401 (session fixtures)

SHARED_DIR = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only reference data folder; tests that need it skip cleanly without it."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"reference data folder {SHARED_DIR} is absent (only in the dev workplace)")
    return SHARED_DIR


@pytest.fixture
def postgres_url() -> str:
    """URL of a reachable PostgreSQL test database (skips or fails per the services policy)."""
    return services.postgres_url()


@pytest.fixture
def redis_url() -> str:
    """URL of a reachable Redis test database (skips or fails per the services policy)."""
    return services.redis_url()
