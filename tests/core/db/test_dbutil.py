"""The test database helpers hand out clean databases."""

from __future__ import annotations

import pytest

from core.db.models import Dream, User
from tests.dbutil import DB_KINDS, initialised_db


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_each_initialised_database_starts_empty(kind: str) -> None:
    async with initialised_db(kind):
        await Dream.create(user=await User.create(), text="остаток прошлого теста")

    async with initialised_db(kind):
        assert await User.all().count() == 0
        assert await Dream.all().count() == 0
