"""The public landing page (the dashboard and Mini App pages build on the same layout)."""

from __future__ import annotations

import aiohttp_jinja2
from aiohttp import web

from miniapp.i18n import page_context

routes = web.RouteTableDef()


@routes.get("/", name="index")
@aiohttp_jinja2.template("index.html")
async def index(request: web.Request) -> dict[str, object]:
    return page_context(request, title="OneiroScope")
