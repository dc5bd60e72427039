"""The dashboard's tokens: signed, typed, short-lived; refresh tokens are single-use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.auth import ExpiredCredentials, InvalidCredentials, Role, TokenService
from core.auth.tokens import TokenSubject, csrf_matches
from core.cache import MemoryCache

SUBJECT = TokenSubject(telegram_id=77, first_name="Ann", role=Role.ADMIN)


def service(secret: str = "s" * 32) -> TokenService:
    return TokenService(
        secret, MemoryCache(), access_ttl=timedelta(minutes=15), refresh_ttl=timedelta(days=30)
    )


async def test_an_access_token_carries_the_account_role_and_csrf_secret() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT)
    identity = tokens.verify_access(pair.access)
    assert (identity.telegram_id, identity.role, identity.csrf) == (77, Role.ADMIN, pair.csrf)


async def test_a_tampered_token_is_refused() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT)
    head, body, signature = pair.access.split(".")
    tampered = f"{head}.{body}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    with pytest.raises(InvalidCredentials):
        tokens.verify_access(tampered)
    with pytest.raises(InvalidCredentials):
        service("another-secret-" * 3).verify_access(pair.access)


async def test_a_refresh_token_is_not_an_access_token() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT)
    with pytest.raises(InvalidCredentials):
        tokens.verify_access(pair.refresh)


async def test_an_expired_access_token_is_expired() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT, now=datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(ExpiredCredentials):
        tokens.verify_access(pair.access)


async def test_a_refresh_token_works_once() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT)
    assert await tokens.use_refresh(pair.refresh) == (77, "Ann")
    with pytest.raises(InvalidCredentials):
        await tokens.use_refresh(pair.refresh)


async def test_a_revoked_refresh_token_is_dead() -> None:
    tokens = service()
    pair = await tokens.issue(SUBJECT)
    await tokens.revoke(pair.refresh)
    with pytest.raises(InvalidCredentials):
        await tokens.use_refresh(pair.refresh)


def test_csrf_comparison_needs_both_sides() -> None:
    assert csrf_matches("abc", "abc")
    assert not csrf_matches("abc", "abd")
    assert not csrf_matches(None, None)
    assert not csrf_matches("", "")
