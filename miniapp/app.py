"""The aiohttp application factory: health, metrics, pages, static files and the bot webhook."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from core.auth.account_lookup import RecentAccounts
from core.services import Services
from miniapp.api.errors import api_errors
from miniapp.errors import json_errors
from miniapp.journal_pages import JournalPages
from miniapp.keys import ACCOUNTS, JOURNAL_PAGES, SERVICES, TOKENS
from miniapp.request_logs import quiet_client_errors
from miniapp.routes import dashboard_login, health, pages
from miniapp.routes.api import setup_api
from miniapp.routes.app_pages import setup_pages
from miniapp.routes.billing import setup_billing
from miniapp.security import on_response_prepare
from miniapp.sessions import token_service

HERE = Path(__file__).resolve().parent


def create_app(services: Services) -> web.Application:
    """A fresh application; the caller adds the webhook route when the bot runs in webhook mode."""
    quiet_client_errors()
    app = web.Application(middlewares=[json_errors, api_errors], client_max_size=2 * 1024 * 1024)
    app[SERVICES] = services
    app[TOKENS] = token_service(services)
    app[ACCOUNTS] = RecentAccounts(services.settings.web.account_cache_s)
    app[JOURNAL_PAGES] = JournalPages(services.settings.web.journal_cache_s)
    app.cleanup_ctx.append(_watch_journals)
    app.on_response_prepare.append(on_response_prepare)
    env = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )
    env.globals["static"] = lambda path: f"/static/{path}"
    app.add_routes(health.routes)
    app.add_routes(pages.routes)
    setup_billing(app)
    setup_api(app)
    setup_pages(app)
    app.add_routes(dashboard_login.routes)
    app.router.add_static("/static/", HERE / "static", name="static")
    return app


async def _watch_journals(app: web.Application) -> AsyncIterator[None]:
    """Drop cached journal pages as their journals change, for as long as the app runs."""
    pages = app[JOURNAL_PAGES]
    async with app[SERVICES].journal.watch(pages) as watch:
        pages.watch = watch
        try:
            yield
        finally:
            pages.watch = None
