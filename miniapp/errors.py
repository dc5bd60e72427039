"""JSON error pages: every API and health failure answers JSON with a stable shape."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _wants_json(request: web.Request) -> bool:
    accept = request.headers.get("Accept", "")
    return (
        request.path.startswith("/api/")
        or "application/json" in accept
        or "text/html" not in accept
    )


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn HTTP errors and crashes into ``{"error": {"status", "message"}}`` for API clients."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or not _wants_json(request):
            raise
        return web.json_response(
            {"error": {"status": exc.status, "message": exc.reason}}, status=exc.status
        )
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return web.json_response(
            {"error": {"status": 500, "message": "Internal Server Error"}}, status=500
        )
