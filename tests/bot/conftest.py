"""Fixtures running the real bot in both deployments: embedded (no Redis) and Redis + arq."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests import services
from tests.bot.harness import Product, running_product


@pytest.fixture(params=["embedded", "redis"])
async def product(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Product]:
    redis_url = services.redis_url() if request.param == "redis" else None
    async with running_product(tmp_path, redis_url) as running:
        yield running
