"""The whole JSON API: every area's endpoints, and the OpenAPI document built from them."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from miniapp.api.openapi import build_openapi
from miniapp.api.registry import ApiRouter, Endpoint
from miniapp.routes import (
    api_admin,
    api_auth,
    api_billing,
    api_dreams,
    api_export,
    api_lunar,
    api_me,
    api_stats,
)

ROUTERS: tuple[ApiRouter, ...] = (
    api_auth.api,
    api_me.api,
    api_dreams.api,
    api_stats.api,
    api_lunar.api,
    api_export.api,
    api_admin.api,
    api_billing.api,
)
API_VERSION = "1.0.0"
OPENAPI_PATH = "/api/v1/openapi.json"


def endpoints() -> list[Endpoint[Any]]:
    return [endpoint for router in ROUTERS for endpoint in router.endpoints]


def setup_api(app: web.Application) -> None:
    for router in ROUTERS:
        router.register(app)
    document = json.dumps(build_openapi(endpoints(), API_VERSION), ensure_ascii=False).encode()

    async def openapi(request: web.Request) -> web.Response:
        return web.Response(body=document, content_type="application/json")

    app.router.add_get(OPENAPI_PATH, openapi)
