"""The web app's health, readiness, metrics and pages, on the real start-up path."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from cli.serve import Parts
from tests import services
from tests.bot.harness import Product, running_product
from tests.own_redis import own_redis


@pytest.fixture(params=["embedded", "redis"])
async def web_only(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Product]:
    redis_url = services.redis_url() if request.param == "redis" else None
    async with running_product(tmp_path, redis_url, Parts(bot=False, worker=False)) as product:
        yield product


async def get(product: Product, path: str, **headers: str) -> tuple[int, str, str]:
    url = f"{product.runtime.site_url}{path}"
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        return response.status, response.content_type, await response.text()


async def test_healthz_and_readyz_answer_ok(web_only: Product) -> None:
    assert (await get(web_only, "/healthz"))[0] == 200
    status, kind, body = await get(web_only, "/readyz")
    assert (status, kind) == (200, "application/json")
    assert '"database": true' in body
    if web_only.settings.redis_url is not None:
        assert '"redis": true' in body


async def test_readyz_reports_a_dead_redis(tmp_path: Path) -> None:
    async with (
        own_redis() as (url, server),
        running_product(tmp_path, url, Parts(bot=False, worker=False)) as product,
    ):
        server.terminate()
        await server.wait()
        status, _, body = await get(product, "/readyz")
    assert status == 503 and '"redis": false' in body


async def test_unknown_paths_get_a_json_error(web_only: Product) -> None:
    status, kind, body = await get(web_only, "/api/v1/nothing-here")
    assert (status, kind) == (404, "application/json")
    assert json.loads(body)["error"]["status"] == 404
    assert json.loads(body)["error"]["code"] == "not_found"


async def test_metrics_are_prometheus_text(web_only: Product) -> None:
    status, kind, body = await get(web_only, "/metrics")
    assert (status, kind) == (200, "text/plain")
    assert "llm_requests_total" in body


async def test_the_landing_page_speaks_the_browser_language(web_only: Product) -> None:
    status, kind, body = await get(web_only, "/", **{"Accept-Language": "ru-RU,ru;q=0.9"})
    assert (status, kind) == (200, "text/html")
    assert "СоноГраф" in body and 'lang="ru"' in body
