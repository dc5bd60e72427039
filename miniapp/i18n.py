"""The page language of a request and the gettext a template renders with."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from core.i18n import gettext_for, normalize_locale


def request_locale(request: web.Request) -> str:
    """``?lang=`` first, then the browser's ``Accept-Language``."""
    wanted = request.query.get("lang") or request.headers.get("Accept-Language") or "en"
    return normalize_locale(wanted.split(",", 1)[0])


def page_context(request: web.Request, **values: object) -> dict[str, object]:
    """Template context with ``lang`` and ``_`` for the request's language.

    (aiohttp_jinja2's context processors store state on the request in a way aiohttp now warns
    about, so pages build their context explicitly.)
    """
    locale = request_locale(request)
    translate: Callable[[str], str] = gettext_for(locale)
    return {"lang": locale, "_": translate, **values}
