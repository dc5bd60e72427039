"""The dashboard's session: a short-lived access token and a rotating refresh token (JWTs).

Access tokens are stateless (15 minutes by default) and carry the session's CSRF secret, so a
state-changing request must echo that secret in a header a cross-site page cannot read.
Refresh tokens are single-use: each is on an allow-list in the cache until it is used once,
revoked at logout, or expires; replaying a used one fails.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from core.auth.errors import ExpiredCredentials, InvalidCredentials
from core.auth.identity import Channel, Identity, Role
from core.cache import Cache

ALGORITHM = "HS256"
ISSUER = "oneiroscope"
ACCESS, REFRESH = "access", "refresh"
_ALLOWED = "auth:refresh:"


@dataclass(frozen=True, slots=True)
class TokenPair:
    access: str
    refresh: str
    csrf: str
    access_ttl: timedelta
    refresh_ttl: timedelta


@dataclass(frozen=True, slots=True)
class TokenSubject:
    """What a session is about: the account, the name to greet it by and its role."""

    telegram_id: int
    first_name: str
    role: Role


class TokenService:
    """Issues, verifies, rotates and revokes the dashboard's tokens."""

    def __init__(
        self, secret: str, store: Cache, *, access_ttl: timedelta, refresh_ttl: timedelta
    ) -> None:
        self._secret = secret
        self._store = store
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl

    async def issue(self, subject: TokenSubject, now: datetime | None = None) -> TokenPair:
        moment = now or datetime.now(UTC)
        csrf, jti = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        claims = {"sub": str(subject.telegram_id), "name": subject.first_name[:64]}
        access = self._encode(
            {**claims, "role": subject.role.value, "csrf": csrf}, ACCESS, moment, self.access_ttl
        )
        refresh = self._encode({**claims, "jti": jti}, REFRESH, moment, self.refresh_ttl)
        ttl = int(self.refresh_ttl.total_seconds())
        await self._store.set(_ALLOWED + jti, str(subject.telegram_id), ttl)
        return TokenPair(access, refresh, csrf, self.access_ttl, self.refresh_ttl)

    def verify_access(self, token: str) -> Identity:
        claims = self._decode(token, ACCESS)
        try:
            role = Role(claims["role"])
            csrf = str(claims["csrf"])
        except (KeyError, ValueError) as exc:
            raise InvalidCredentials("access token lacks claims") from exc
        return Identity(
            telegram_id=int(claims["sub"]),
            first_name=str(claims.get("name", "")),
            language_code=None,
            channel=Channel.COOKIE,
            role=role,
            csrf=csrf,
        )

    async def use_refresh(self, token: str) -> tuple[int, str]:
        """Spend a refresh token once: ``(telegram_id, name)`` of its session."""
        claims = self._decode(token, REFRESH)
        jti = str(claims.get("jti", ""))
        owner = await self._store.get(_ALLOWED + jti) if jti else None
        if owner != claims["sub"]:
            raise InvalidCredentials("refresh token revoked or already used")
        await self._store.delete(_ALLOWED + jti)
        return int(claims["sub"]), str(claims.get("name", ""))

    async def revoke(self, token: str) -> None:
        """End the session of a refresh token (logout); an invalid token needs no revoking."""
        try:
            claims = self._decode(token, REFRESH)
        except (InvalidCredentials, ExpiredCredentials):
            return
        await self._store.delete(_ALLOWED + str(claims.get("jti", "")))

    def _encode(self, claims: dict[str, Any], kind: str, now: datetime, ttl: timedelta) -> str:
        payload = {**claims, "typ": kind, "iss": ISSUER, "iat": now, "exp": now + ttl}
        return jwt.encode(payload, self._secret, algorithm=ALGORITHM)

    def _decode(self, token: str, kind: str) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "typ"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise ExpiredCredentials("token expired") from exc
        except jwt.InvalidTokenError as exc:
            raise InvalidCredentials("token does not verify") from exc
        if not hmac.compare_digest(str(claims["typ"]), kind) or not str(claims["sub"]).isdigit():
            raise InvalidCredentials("wrong kind of token")
        return claims


def csrf_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of the session's CSRF secret with the request header."""
    return bool(expected) and bool(given) and hmac.compare_digest(expected or "", given or "")
