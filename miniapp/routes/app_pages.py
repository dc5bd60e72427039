"""The Mini App (``/app/``) and the web dashboard (``/dashboard/``): the same pages, framed only
by Telegram's web client or by nobody. Pages are shells in the reader's language; their script
loads the data from ``/api/v1`` with the Mini App's initData or the dashboard's session."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp_jinja2
from aiohttp import web

from core.analysis.mood import MOODS
from core.auth import AuthError
from core.i18n import N_, gettext, gettext_for
from core.lunar.names import PHASE_NAMES
from miniapp.auth import authenticate
from miniapp.i18n import page_context, request_locale
from miniapp.pages_text import MOOD_NAMES, NAV, PAGE_TITLES, strings

MINI_APP, DASHBOARD = "/app", "/dashboard"
#: Page key → template; the key is also the path under the base ("" is the journal).
PAGES: dict[str, str] = {
    "journal": "app_journal.html",
    "new": "app_new.html",
    "stats": "app_stats.html",
    "moon": "app_moon.html",
    "buy": "app_buy.html",
    "settings": "app_settings.html",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def shell_context(
    request: web.Request, base: str, page: str, **values: object
) -> dict[str, object]:
    locale = request_locale(request)

    def translate(msgid: str) -> str:
        return gettext(msgid, locale)

    return page_context(
        request,
        mode="app" if base == MINI_APP else "dashboard",
        base=base,
        page=page,
        page_key="" if page == "journal" else page,
        title=translate(PAGE_TITLES.get(page, PAGE_TITLES["journal"])),
        nav=[(key, translate(label)) for key, label in NAV],
        moods=[(key, translate(MOOD_NAMES[key])) for key in MOODS],
        phases=[(key, translate(name)) for key, name in PHASE_NAMES.items()],
        strings=strings(locale),
        **values,
    )


def _page(base: str, page: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        context = shell_context(request, base, page)
        return aiohttp_jinja2.render_template(PAGES[page], request, context)

    return handler


def _dream(base: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        context = shell_context(request, base, "dream", dream_id=request.match_info["dream_id"])
        return aiohttp_jinja2.render_template("app_dream.html", request, context)

    return handler


async def admin_page(request: web.Request) -> web.StreamResponse:
    """Support's page (account lookup, refunds) on the dashboard, for admins only; the API it
    calls checks the role again on every request."""
    try:
        identity = authenticate(request)
    except AuthError as exc:
        raise web.HTTPFound(f"/login?next={DASHBOARD}/admin") from exc
    if not identity.is_admin:
        translate = gettext_for(request_locale(request))
        context = page_context(
            request,
            title=translate(N_("Support only")),
            text=translate(N_("This page is for the support team.")),
        )
        return aiohttp_jinja2.render_template("message.html", request, context, status=403)
    context = shell_context(request, DASHBOARD, "admin")
    return aiohttp_jinja2.render_template("app_admin.html", request, context)


async def mini_app_admin_page(request: web.Request) -> web.StreamResponse:
    """The same page inside Telegram. A Mini App page is requested without credentials (its
    script sends the initData with each API call), so the shell holds nothing: the script shows
    the page to admins only, and every API call it makes is refused (403) to anyone else."""
    context = shell_context(request, MINI_APP, "admin")
    return aiohttp_jinja2.render_template("app_admin.html", request, context)


def setup_pages(app: web.Application) -> None:
    app.router.add_get(f"{DASHBOARD}/admin", admin_page)
    app.router.add_get(f"{MINI_APP}/admin", mini_app_admin_page)
    for base in (MINI_APP, DASHBOARD):
        app.router.add_get(base, _redirect(f"{base}/"))
        app.router.add_get(f"{base}/", _page(base, "journal"))
        for page in PAGES:
            if page != "journal":
                app.router.add_get(f"{base}/{page}", _page(base, page))
        app.router.add_get(f"{base}/dreams/{{dream_id}}", _dream(base))


def _redirect(target: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(target + (f"?{request.query_string}" if request.query_string else ""))

    return handler
