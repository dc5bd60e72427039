"""Who is calling the API: ``Authorization: tma <initData>`` from the Mini App, or the dashboard's
access-token cookie (with a CSRF header on state-changing requests); and the session cookies."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from core.auth import AuthError, ForbiddenError, Identity, InvalidCredentials, verify_init_data
from core.auth.account_lookup import user_by_telegram_id
from core.auth.identity import Channel, role_for
from core.auth.tokens import TokenPair, csrf_matches
from core.config import Settings
from core.db.models import User
from core.users import TelegramProfile, get_or_create_telegram_user
from miniapp.keys import ACCOUNTS, SERVICES, TOKENS

ACCESS_COOKIE = "os_access"
REFRESH_COOKIE = "os_refresh"
CSRF_COOKIE = "os_csrf"
CSRF_HEADER = "X-CSRF-Token"
#: The refresh token travels only to the endpoints that use it.
REFRESH_PATH = "/api/v1/auth"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_IDENTITY: web.RequestKey[Identity] = web.RequestKey("identity", Identity)


def _bot_token(settings: Settings) -> str:
    if settings.bot_token is None:
        raise AuthError("Telegram sign-in needs BOT_TOKEN")
    return settings.bot_token.get_secret_value()


def _from_init_data(settings: Settings, init_data: str) -> Identity:
    launch = verify_init_data(
        _bot_token(settings), init_data, timedelta(seconds=settings.web.webapp_auth_max_age_s)
    )
    return Identity(
        telegram_id=launch.telegram_id,
        first_name=launch.first_name,
        language_code=launch.language_code,
        channel=Channel.MINI_APP,
        role=role_for(launch.telegram_id, settings.admin_ids),
    )


def authenticate(request: web.Request) -> Identity:
    """The verified caller, or ``AuthError``; remembered on the request."""
    if _IDENTITY in request:
        return request[_IDENTITY]
    settings = request.app[SERVICES].settings
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "tma":
        identity = _from_init_data(settings, credentials.strip())
    elif scheme:
        raise InvalidCredentials("unsupported authorization scheme")
    elif token := request.cookies.get(ACCESS_COOKIE):
        identity = request.app[TOKENS].verify_access(token)
    else:
        raise AuthError("no credentials")
    request[_IDENTITY] = identity
    return identity


def check_csrf(request: web.Request, identity: Identity) -> None:
    """Cookies are sent by the browser on any site's behalf; the header proves it is our page."""
    if request.method in SAFE_METHODS or identity.channel is not Channel.COOKIE:
        return
    given = request.headers.get(CSRF_HEADER)
    if not given:
        raise ForbiddenError("csrf_missing", "The X-CSRF-Token header is missing")
    if not csrf_matches(identity.csrf, given):
        raise ForbiddenError("csrf_mismatch", "The X-CSRF-Token header does not match")


async def user_for(request: web.Request, identity: Identity) -> User:
    """The caller's account: created on a first Mini App visit; a dashboard session of a deleted
    account is over (no silent re-creation from a cookie). A read may get the row an earlier
    request of this process read a moment ago; a change always reads it afresh."""
    recent = request.app[ACCOUNTS]
    reads_only = request.method in SAFE_METHODS
    account = recent.get(identity.telegram_id) if reads_only else None
    if account is not None:
        return account
    if not reads_only:
        recent.forget(identity.telegram_id)
    account = await user_by_telegram_id(identity.telegram_id)
    if account is not None:
        if reads_only:
            recent.put(identity.telegram_id, account)
        return account
    if identity.channel is Channel.MINI_APP:
        profile = TelegramProfile(identity.telegram_id, identity.first_name, identity.language_code)
        user, _created = await get_or_create_telegram_user(profile)
        return user
    raise InvalidCredentials("the account of this session no longer exists")


def _cookie(
    response: web.StreamResponse,
    name: str,
    value: str,
    path: str,
    max_age: timedelta,
    *,
    secure: bool,
    httponly: bool,
) -> None:
    response.set_cookie(
        name,
        value,
        path=path,
        max_age=int(max_age.total_seconds()),
        secure=secure,
        httponly=httponly,
        samesite="Strict",
    )


def set_session_cookies(response: web.StreamResponse, pair: TokenPair, secure: bool) -> None:
    _cookie(
        response, ACCESS_COOKIE, pair.access, "/", pair.access_ttl, secure=secure, httponly=True
    )
    _cookie(
        response,
        REFRESH_COOKIE,
        pair.refresh,
        REFRESH_PATH,
        pair.refresh_ttl,
        secure=secure,
        httponly=True,
    )
    # Readable by our own scripts (they echo it in X-CSRF-Token); useless to another site.
    _cookie(response, CSRF_COOKIE, pair.csrf, "/", pair.refresh_ttl, secure=secure, httponly=False)


def clear_session_cookies(response: web.StreamResponse) -> None:
    response.del_cookie(ACCESS_COOKIE, path="/")
    response.del_cookie(REFRESH_COOKIE, path=REFRESH_PATH)
    response.del_cookie(CSRF_COOKIE, path="/")
