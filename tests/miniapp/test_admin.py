"""Support's account lookup: admins only, and never the dreams themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.db.models import Dream, User
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, web_app

SECRET_DREAM = "I was walking through my childhood home and found a locked red door."


@pytest.fixture
async def web() -> AsyncIterator[Web]:
    async with initialised_db("sqlite") as url, web_app(url) as app:
        user = await User.create(telegram_id=5151, first_name="Ann", dream_balance=2)
        await Dream.create(user=user, text=SECRET_DREAM)
        yield app


async def test_an_admin_sees_the_account_but_not_the_dreams(web: Web) -> None:
    status, found = await web.call("GET", "/api/v1/admin/users/5151", 900)
    assert status == 200
    assert (found["dreams"], found["credits"], found["first_name"]) == (1, 2, "Ann")
    assert SECRET_DREAM not in str(found)


async def test_a_user_is_not_an_admin(web: Web) -> None:
    status, body = await web.call("GET", "/api/v1/admin/users/5151", 5151)
    assert (status, body["error"]["code"]) == (403, "admin_only")


async def test_an_unknown_account_is_404(web: Web) -> None:
    status, _ = await web.call("GET", "/api/v1/admin/users/1", 900)
    assert status == 404
