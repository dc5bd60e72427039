"""The OpenAPI document is generated from the handlers and matches the application's routes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from miniapp.api.openapi import openapi_path
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, web_app


@pytest.fixture
async def web() -> AsyncIterator[Web]:
    async with initialised_db("sqlite") as url, web_app(url) as app:
        yield app


def _api_routes(web: Web) -> set[tuple[str, str]]:
    found = set()
    app = web.client.app
    assert app is not None
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or ""
        if (
            path.startswith("/api/v1/")
            and route.method != "HEAD"
            and path != "/api/v1/openapi.json"
        ):
            found.add((route.method.lower(), openapi_path(path)))
    return found


async def test_every_api_route_is_documented_and_nothing_else(web: Web) -> None:
    status, document = await web.call("GET", "/api/v1/openapi.json")
    assert status == 200 and document["openapi"].startswith("3.1")
    documented = {(method, path) for path, item in document["paths"].items() for method in item}
    assert documented == _api_routes(web)


async def test_every_reference_resolves(web: Web) -> None:
    _, document = await web.call("GET", "/api/v1/openapi.json")
    schemas = document["components"]["schemas"]

    def refs(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["$ref"]] if "$ref" in node else []
            return own + [r for value in node.values() for r in refs(value)]
        if isinstance(node, list):
            return [r for value in node for r in refs(value)]
        return []

    missing = {r for r in refs(document) if r.rsplit("/", 1)[-1] not in schemas}
    assert not missing


async def test_a_response_validates_against_its_documented_schema(web: Web) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _, document = await web.call("GET", "/api/v1/openapi.json")
    status, me = await web.call("GET", "/api/v1/me", 1001)
    assert status == 200
    schema = {"$ref": "#/components/schemas/MeOut", "components": document["components"]}
    jsonschema.validate(me, {**schema, "$defs": document["components"]["schemas"]})
