"""The aiohttp application factory: health, metrics, pages, static files and the bot webhook."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from core.services import Services
from miniapp.errors import json_errors
from miniapp.keys import SERVICES
from miniapp.routes import health, pages
from miniapp.routes.billing import setup_billing

HERE = Path(__file__).resolve().parent


def create_app(services: Services) -> web.Application:
    """A fresh application; the caller adds the webhook route when the bot runs in webhook mode."""
    app = web.Application(middlewares=[json_errors], client_max_size=2 * 1024 * 1024)
    app[SERVICES] = services
    env = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    env.globals["static"] = lambda path: f"/static/{path}"
    app.add_routes(health.routes)
    app.add_routes(pages.routes)
    setup_billing(app)
    app.router.add_static("/static/", HERE / "static", name="static")
    return app
