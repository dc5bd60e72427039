"""API failures as ``{"error": {"code", "message", "status"}}`` with codes clients can rely on."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from pydantic import BaseModel, ValidationError

from core.auth import AuthError, ForbiddenError

log = logging.getLogger(__name__)

API_PREFIX = "/api/"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The code of an HTTP error raised by aiohttp itself (routing, method, body size).
STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    code: str
    message: str
    status: int
    #: Field-level problems of an ``invalid_request`` (pydantic's locations and messages).
    details: list[dict[str, object]] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class ApiError(Exception):
    """Raised by a handler to answer with ``status`` and a stable ``code``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found(what: str = "Not found") -> ApiError:
    return ApiError(404, "not_found", what)


def error_response(
    status: int, code: str, message: str, details: list[dict[str, object]] | None = None
) -> web.Response:
    body = ErrorResponse(
        error=ErrorBody(code=code, message=message, status=status, details=details)
    )
    return web.json_response(text=body.model_dump_json(exclude_none=True), status=status)


def _validation_details(exc: ValidationError) -> list[dict[str, object]]:
    return [
        {"loc": [str(part) for part in item["loc"]], "msg": item["msg"]} for item in exc.errors()
    ]


@web.middleware
async def api_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure under ``/api/`` answers JSON with a code; other paths pass through."""
    if not request.path.startswith(API_PREFIX):
        return await handler(request)
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message)
    except AuthError as exc:
        return error_response(401, exc.code, "Authentication required or invalid")
    except ForbiddenError as exc:
        return error_response(403, exc.code, str(exc))
    except ValidationError as exc:
        return error_response(422, "invalid_request", "Invalid request", _validation_details(exc))
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = STATUS_CODES.get(exc.status, "http_error")
        return error_response(exc.status, code, exc.reason)
    except Exception:
        log.exception("unhandled API error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "Internal Server Error")
