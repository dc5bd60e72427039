"""Security headers on every answer: HSTS, a strict CSP, nosniff, Referrer-Policy.

Framing: the Mini App's pages (``/app/``) may be framed only by Telegram's web client; the
dashboard and everything else by nobody.
"""

from __future__ import annotations

from aiohttp import web

MINI_APP_PREFIX = "/app"
TELEGRAM_WEB = "https://web.telegram.org"
#: The dashboard's login page loads Telegram's Login Widget (a script and an iframe of theirs).
LOGIN_PATH = "/login"
TELEGRAM_WIDGET = "https://telegram.org https://oauth.telegram.org"
HSTS = "max-age=63072000; includeSubDomains"


def csp_for(path: str) -> str:
    frame_ancestors = TELEGRAM_WEB if path.startswith(MINI_APP_PREFIX) else "'none'"
    script = "'self'"
    frame_src = "'none'"
    if path == LOGIN_PATH:
        script, frame_src = f"'self' {TELEGRAM_WIDGET}", TELEGRAM_WIDGET
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {script}",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-src {frame_src}",
            f"frame-ancestors {frame_ancestors}",
        )
    )


def apply_headers(request: web.Request, response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("Strict-Transport-Security", HSTS)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Content-Security-Policy", csp_for(request.path))
    if not request.path.startswith(MINI_APP_PREFIX):
        headers.setdefault("X-Frame-Options", "DENY")  # for browsers without frame-ancestors


async def on_response_prepare(request: web.Request, response: web.StreamResponse) -> None:
    """Runs for every answer (pages, API, static files, errors) just before its headers go."""
    apply_headers(request, response)
