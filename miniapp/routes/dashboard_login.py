"""The dashboard's sign-in: the Telegram Login Widget's page and its redirect callback."""

from __future__ import annotations

import aiohttp_jinja2
from aiohttp import web

from core.auth import AuthError
from core.i18n import gettext
from miniapp.i18n import request_locale
from miniapp.keys import SERVICES
from miniapp.routes.api_auth import start_session
from miniapp.routes.app_pages import DASHBOARD, shell_context

routes = web.RouteTableDef()


@routes.get("/login")
async def login_page(request: web.Request) -> web.StreamResponse:
    settings = request.app[SERVICES].settings
    error = None
    if request.query.get("failed"):
        error = gettext(
            "Telegram could not confirm the sign-in. Please try again.", request_locale(request)
        )
    context = shell_context(
        request, DASHBOARD, "login", bot_username=settings.web.bot_username, error=error
    )
    return aiohttp_jinja2.render_template("login.html", request, context)


@routes.get("/auth/telegram")
async def widget_callback(request: web.Request) -> web.StreamResponse:
    """The widget redirects here with its signed fields in the query string."""
    settings = request.app[SERVICES].settings
    try:
        response, _session = await start_session(request, settings, dict(request.query))
    except AuthError:
        raise web.HTTPFound("/login?failed=1") from None
    redirect = web.HTTPFound(f"{DASHBOARD}/")
    for name, morsel in response.cookies.items():
        redirect.cookies[name] = morsel
    raise redirect
