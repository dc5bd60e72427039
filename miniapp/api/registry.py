"""Typed API endpoints: one declaration gives the aiohttp route, input parsing, auth, the body
size limit, the JSON response and the endpoint's entry in the OpenAPI document."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from aiohttp import web
from pydantic import BaseModel

from core.auth import ForbiddenError, Identity
from core.db.models import User
from core.i18n import normalize_locale
from core.services import Services
from miniapp.api.errors import ApiError
from miniapp.auth import SAFE_METHODS, authenticate, check_csrf, user_for
from miniapp.i18n import request_locale
from miniapp.keys import ACCOUNTS, SERVICES

PREFIX = "/api/v1"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_PATH_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")


class Access(StrEnum):
    PUBLIC = "public"
    USER = "user"
    ADMIN = "admin"


class NoInput(BaseModel):
    """An endpoint that takes no query parameters or body (unknown ones are ignored)."""


@dataclass(slots=True)
class ApiCall:
    """One request, verified: who calls, their account, their language and the services."""

    request: web.Request
    services: Services
    identity: Identity | None
    account: User | None
    locale: str

    @property
    def user(self) -> User:
        if self.account is None:  # only public endpoints have none, and they do not ask
            raise ApiError(401, "unauthorized", "Authentication required")
        return self.account

    def path(self, name: str) -> str:
        return self.request.match_info[name]


I = TypeVar("I", bound=BaseModel)  # noqa: E741
Result = BaseModel | web.StreamResponse
Handler = Callable[[ApiCall, I], Awaitable[Result]]


@dataclass(frozen=True, slots=True)
class Endpoint(Generic[I]):
    method: str
    path: str
    handler: Handler[I]
    input: type[I]
    output: type[BaseModel] | None
    summary: str
    access: Access
    status: int = 200
    tag: str = "api"
    #: Media types of a non-JSON answer (export files, pictures).
    produces: tuple[str, ...] = ()

    @property
    def path_params(self) -> list[str]:
        return _PATH_PARAM.findall(self.path)

    @property
    def reads_body(self) -> bool:
        return self.method in BODY_METHODS and bool(self.input.model_fields)


@dataclass(slots=True)
class ApiRouter:
    """Collects endpoints of one area; ``register`` adds them to an application."""

    tag: str
    endpoints: list[Endpoint[Any]] = field(default_factory=list)

    def route(
        self,
        method: str,
        path: str,
        *,
        summary: str,
        input: type[I],
        output: type[BaseModel] | None,
        access: Access = Access.USER,
        status: int = 200,
        produces: tuple[str, ...] = (),
    ) -> Callable[[Handler[I]], Handler[I]]:
        def decorate(handler: Handler[I]) -> Handler[I]:
            endpoint = Endpoint(
                method,
                PREFIX + path,
                handler,
                input,
                output,
                summary,
                access,
                status,
                self.tag,
                produces,
            )
            self.endpoints.append(endpoint)
            return handler

        return decorate

    def register(self, app: web.Application) -> None:
        for endpoint in self.endpoints:
            app.router.add_route(endpoint.method, endpoint.path, _aiohttp_handler(endpoint))


async def _read_json(request: web.Request, limit: int) -> object:
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "body_too_large", f"The request body is limited to {limit} bytes")
    raw = await request.content.read(limit + 1)
    if len(raw) > limit:
        raise ApiError(413, "body_too_large", f"The request body is limited to {limit} bytes")
    if not raw:
        return {}
    if request.content_type != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the body as application/json")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_json", "The body is not valid JSON") from exc


async def _parse_input(endpoint: Endpoint[I], request: web.Request, limit: int) -> I:
    if endpoint.method in BODY_METHODS:
        return endpoint.input.model_validate(await _read_json(request, limit))
    return endpoint.input.model_validate(dict(request.query))


async def _call_for(endpoint: Endpoint[Any], request: web.Request) -> ApiCall:
    services = request.app[SERVICES]
    if endpoint.access is Access.PUBLIC:
        return ApiCall(request, services, None, None, request_locale(request))
    identity = authenticate(request)
    check_csrf(request, identity)
    if endpoint.access is Access.ADMIN and not identity.is_admin:
        raise ForbiddenError("admin_only", "This needs the admin role")
    user = await user_for(request, identity)
    return ApiCall(request, services, identity, user, normalize_locale(user.language))


def _aiohttp_handler(
    endpoint: Endpoint[I],
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        call = await _call_for(endpoint, request)
        data = await _parse_input(endpoint, request, call.services.settings.web.api_max_body_bytes)
        try:
            result = await endpoint.handler(call, data)
        finally:
            if call.identity is not None and request.method not in SAFE_METHODS:
                # A read that raced this change must not keep the account it read before.
                request.app[ACCOUNTS].forget(call.identity.telegram_id)
        if isinstance(result, web.StreamResponse):
            return result
        return web.Response(
            body=result.model_dump_json().encode(),
            status=endpoint.status,
            content_type="application/json",
            headers={"Cache-Control": "no-store"},
        )

    handle.__name__ = endpoint.handler.__name__
    return handle
