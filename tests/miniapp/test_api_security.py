"""Forged or old initData, a tampered token, a missing CSRF header, another user's dream:
401/403/404 — and nothing changed in the database."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest

from core.db.models import Dream, User
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, web_app
from tests.miniapp.signing import widget_payload

DREAM = "I was walking by the sea at night with my brother and we found an old boat."


@pytest.fixture
async def web() -> AsyncIterator[Web]:
    async with initialised_db("sqlite") as url, web_app(url) as app:
        yield app


async def _dreams() -> list[str]:
    return sorted(d.text for d in await Dream.all())


async def test_a_mini_app_user_is_created_and_greeted(web: Web) -> None:
    status, me = await web.call("GET", "/api/v1/me", 1001)
    assert status == 200
    assert (me["telegram_id"], me["first_name"], me["is_admin"]) == (1001, "Alice", False)
    assert await User.filter(telegram_id=1001).count() == 1


async def test_forged_init_data_is_401_and_creates_nothing(web: Web) -> None:
    forged = web.tma(1001, token="111:forged")
    status, body = await web.call("POST", "/api/v1/dreams", json={"text": DREAM}, headers=forged)
    assert (status, body["error"]["code"]) == (401, "invalid_credentials")
    assert await User.all().count() == 0 and await _dreams() == []


async def test_old_init_data_is_401_expired(web: Web) -> None:
    old = web.tma(1001, auth_date=int(time.time()) - 2 * 86400)
    status, body = await web.call("POST", "/api/v1/dreams", json={"text": DREAM}, headers=old)
    assert (status, body["error"]["code"]) == (401, "expired_credentials")
    assert await _dreams() == []


async def test_no_credentials_is_401(web: Web) -> None:
    status, body = await web.call("GET", "/api/v1/dreams")
    assert (status, body["error"]["code"]) == (401, "unauthorized")


async def _login(web: Web, telegram_id: int) -> dict[str, str]:
    status, _ = await web.call("POST", "/api/v1/auth/login", json=widget_payload(telegram_id))
    assert status == 200
    return {c.key: c.value for c in web.client.session.cookie_jar}


async def test_dashboard_login_then_csrf_guards_every_change(web: Web) -> None:
    cookies = await _login(web, 2002)
    assert {"os_access", "os_refresh", "os_csrf"} <= cookies.keys()
    status, me = await web.call("GET", "/api/v1/me")  # reads need no CSRF header
    assert (status, me["telegram_id"]) == (200, 2002)

    status, body = await web.call("POST", "/api/v1/dreams", json={"text": DREAM})
    assert (status, body["error"]["code"]) == (403, "csrf_missing")
    status, body = await web.call(
        "POST", "/api/v1/dreams", json={"text": DREAM}, headers={"X-CSRF-Token": "guess"}
    )
    assert (status, body["error"]["code"]) == (403, "csrf_mismatch")
    assert await _dreams() == []

    status, _ = await web.call(
        "POST", "/api/v1/dreams", json={"text": DREAM}, headers={"X-CSRF-Token": cookies["os_csrf"]}
    )
    assert status == 201 and await _dreams() == [DREAM]


async def test_a_tampered_access_token_is_401(web: Web) -> None:
    cookies = await _login(web, 2002)
    token = cookies["os_access"]
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    web.client.session.cookie_jar.clear()
    status, body = await web.call(
        "PATCH",
        "/api/v1/me/settings",
        json={"language": "ru"},
        headers={"Cookie": f"os_access={tampered}", "X-CSRF-Token": cookies["os_csrf"]},
    )
    assert (status, body["error"]["code"]) == (401, "invalid_credentials")
    assert (await User.get(telegram_id=2002)).language == "en"


async def test_a_forged_login_is_401_and_sets_no_cookie(web: Web) -> None:
    payload = widget_payload(2002, token="1:not-our-bot")
    status, body = await web.call("POST", "/api/v1/auth/login", json=payload)
    assert (status, body["error"]["code"]) == (401, "invalid_credentials")
    assert len(web.client.session.cookie_jar) == 0
    assert await User.all().count() == 0


async def test_refresh_rotates_and_a_used_refresh_token_is_dead(web: Web) -> None:
    cookies = await _login(web, 2002)
    csrf = {"X-CSRF-Token": cookies["os_csrf"]}
    assert (await web.call("POST", "/api/v1/auth/refresh", headers=csrf))[0] == 200
    new = {c.key: c.value for c in web.client.session.cookie_jar}
    assert new["os_refresh"] != cookies["os_refresh"]
    replay = {"Cookie": f"os_refresh={cookies['os_refresh']}; os_csrf={cookies['os_csrf']}", **csrf}
    web.client.session.cookie_jar.clear()
    status, body = await web.call("POST", "/api/v1/auth/refresh", headers=replay)
    assert (status, body["error"]["code"]) == (401, "invalid_credentials")


async def test_another_users_dream_is_404_and_stays(web: Web) -> None:
    status, created = await web.call("POST", "/api/v1/dreams", 1001, json={"text": DREAM})
    assert status == 201
    dream_id = created["id"]
    for method in ("GET", "DELETE"):
        status, body = await web.call(method, f"/api/v1/dreams/{dream_id}", 3003)
        assert (status, body["error"]["code"]) == (404, "not_found")
    assert (await web.call("GET", "/api/v1/dreams/not-a-uuid", 3003))[0] == 404
    assert await _dreams() == [DREAM]
    status, own = await web.call("GET", f"/api/v1/dreams/{dream_id}", 1001)
    assert (status, own["text"]) == (200, DREAM)


async def test_admin_pages_need_the_admin_role(web: Web) -> None:
    status, me = await web.call("GET", "/api/v1/me", 900)
    assert status == 200
    assert me["is_admin"] is True


async def test_bodies_are_size_limited(web: Web) -> None:
    big = "x" * (70 * 1024)
    status, body = await web.call(
        "POST", "/api/v1/dreams", 1001, data=big, headers={"Content-Type": "application/json"}
    )
    assert (status, body["error"]["code"]) == (413, "body_too_large")


async def test_a_bad_body_is_422_with_details(web: Web) -> None:
    status, body = await web.call("POST", "/api/v1/dreams", 1001, json={"txt": "x"})
    assert (status, body["error"]["code"]) == (422, "invalid_request")
    assert body["error"]["details"][0]["loc"] == ["text"]


async def test_a_rejected_dream_is_explained_in_the_users_language(web: Web) -> None:
    await web.call("PATCH", "/api/v1/me/settings", 1001, json={"language": "ru"})
    status, body = await web.call("POST", "/api/v1/dreams", 1001, json={"text": "hi"})
    assert (status, body["error"]["code"]) == (422, "dream_too_short")
    assert "сон" in body["error"]["message"].lower() or "коротк" in body["error"]["message"]


async def test_security_headers(web: Web) -> None:
    async with web.client.get("/api/v1/openapi.json") as response:
        headers = response.headers
    assert "max-age" in headers["Strict-Transport-Security"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
