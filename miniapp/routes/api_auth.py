"""``/api/v1/auth``: the dashboard's sign-in with the Telegram Login Widget, token refresh and
logout (the Mini App needs none of these: each request carries its signed initData)."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web
from pydantic import BaseModel, Field

from core.auth import ForbiddenError, InvalidCredentials, verify_login_widget
from core.auth.identity import role_for
from core.auth.tokens import TokenSubject, csrf_matches
from core.config import Settings
from core.db.models import User
from core.users import TelegramProfile, get_or_create_telegram_user
from miniapp.api.registry import Access, ApiCall, ApiRouter
from miniapp.auth import (
    CSRF_COOKIE,
    CSRF_HEADER,
    REFRESH_COOKIE,
    clear_session_cookies,
    set_session_cookies,
)
from miniapp.keys import TOKENS

api = ApiRouter(tag="auth")


class LoginIn(BaseModel):
    """The fields the Telegram Login Widget hands to its callback."""

    id: int
    first_name: str = Field("", max_length=256)
    last_name: str | None = Field(None, max_length=256)
    username: str | None = Field(None, max_length=64)
    photo_url: str | None = Field(None, max_length=1024)
    auth_date: int
    hash: str = Field(max_length=128)


class SessionOut(BaseModel):
    telegram_id: int
    first_name: str
    role: str
    access_expires_in: int


def _bot_token(settings: Settings) -> str:
    if settings.bot_token is None:
        raise InvalidCredentials("sign-in needs BOT_TOKEN")
    return settings.bot_token.get_secret_value()


async def start_session(
    request: web.Request, settings: Settings, fields: dict[str, str]
) -> tuple[web.Response, SessionOut]:
    """Verify widget data, make sure the account exists, and answer with fresh cookies."""
    launch = verify_login_widget(
        _bot_token(settings), fields, timedelta(seconds=settings.web.login_max_age_s)
    )
    user, _created = await get_or_create_telegram_user(
        TelegramProfile(launch.telegram_id, launch.first_name)
    )
    return await _session_response(request, settings, user)


async def _session_response(
    request: web.Request, settings: Settings, user: User
) -> tuple[web.Response, SessionOut]:
    assert user.telegram_id is not None
    role = role_for(user.telegram_id, settings.admin_ids)
    pair = await request.app[TOKENS].issue(TokenSubject(user.telegram_id, user.first_name, role))
    out = SessionOut(
        telegram_id=user.telegram_id,
        first_name=user.first_name,
        role=role.value,
        access_expires_in=int(pair.access_ttl.total_seconds()),
    )
    response = web.json_response(text=out.model_dump_json())
    set_session_cookies(response, pair, settings.web.cookie_secure)
    return response, out


def _double_submit(request: web.Request) -> None:
    """Refresh and logout act on the refresh cookie: the CSRF cookie must be echoed."""
    if not csrf_matches(request.cookies.get(CSRF_COOKIE), request.headers.get(CSRF_HEADER)):
        raise ForbiddenError("csrf_missing", "The X-CSRF-Token header is missing or wrong")


@api.route(
    "POST",
    "/auth/login",
    summary="Sign in with Telegram Login Widget data",
    input=LoginIn,
    output=SessionOut,
    access=Access.PUBLIC,
)
async def login(call: ApiCall, body: LoginIn) -> web.Response:
    fields = {k: str(v) for k, v in body.model_dump(exclude_none=True).items()}
    response, _out = await start_session(call.request, call.services.settings, fields)
    return response


class NoBody(BaseModel):
    pass


@api.route(
    "POST",
    "/auth/refresh",
    summary="Swap the refresh cookie for fresh tokens",
    input=NoBody,
    output=SessionOut,
    access=Access.PUBLIC,
)
async def refresh(call: ApiCall, _: NoBody) -> web.Response:
    _double_submit(call.request)
    token = call.request.cookies.get(REFRESH_COOKIE)
    if not token:
        raise InvalidCredentials("no refresh token")
    telegram_id, _name = await call.request.app[TOKENS].use_refresh(token)
    user = await User.get_or_none(telegram_id=telegram_id)
    if user is None:
        raise InvalidCredentials("the account of this session no longer exists")
    response, _out = await _session_response(call.request, call.services.settings, user)
    return response


class LoggedOut(BaseModel):
    logged_out: bool


@api.route(
    "POST",
    "/auth/logout",
    summary="End the dashboard session",
    input=NoBody,
    output=LoggedOut,
    access=Access.PUBLIC,
)
async def logout(call: ApiCall, _: NoBody) -> web.Response:
    _double_submit(call.request)
    token = call.request.cookies.get(REFRESH_COOKIE)
    if token:
        await call.request.app[TOKENS].revoke(token)
    response = web.json_response(text=LoggedOut(logged_out=True).model_dump_json())
    clear_session_cookies(response)
    return response
