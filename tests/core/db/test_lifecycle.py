"""Start-up and health: every task sees the database, and /readyz learns when it is down."""

from __future__ import annotations

import asyncio
import contextvars
import logging

import pytest
from tortoise.exceptions import ConfigurationError

from core.db import close_db, init_db, ping_db
from core.db.models import Dream, User
from tests.dbutil import DB_KINDS, temp_database


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_tasks_started_anywhere_see_the_database_initialised_in_another_task(
    kind: str,
) -> None:
    async with temp_database(kind) as url:
        # given: start-up ran in its own task (its context variables are invisible to ours)
        await asyncio.create_task(init_db(url))
        try:
            # when: the serving task and a task with a blank context (as aiohttp's request
            # handlers may have) use the models
            user = await User.create(first_name="Ада")

            async def handler() -> int:
                await Dream.create(user=user, text="сон из другой задачи")
                return await Dream.filter(user=user).count()

            count = await asyncio.create_task(handler(), context=contextvars.Context())
        finally:
            await asyncio.create_task(close_db(), context=contextvars.Context())

    # then: both reached the same database
    assert count == 1


async def test_ping_answers_true_for_a_live_database(database: str) -> None:
    assert await ping_db() is True


async def test_ping_answers_false_when_the_server_is_down_and_keeps_the_password_out(
    unused_tcp_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"postgres://app:hunter2@127.0.0.1:{unused_tcp_port}/oneiroscope"
    await init_db(url, migrate=False)  # start-up survives a down database when not migrating
    try:
        with caplog.at_level(logging.WARNING, logger="core.db"):
            alive = await ping_db()
    finally:
        await close_db()

    assert alive is False
    assert f"127.0.0.1:{unused_tcp_port}" in caplog.text
    assert "hunter2" not in caplog.text


async def test_ping_answers_false_before_start_up() -> None:
    await close_db()

    assert await ping_db() is False


async def test_models_fail_loudly_after_close(database: str) -> None:
    await close_db()

    with pytest.raises((ConfigurationError, RuntimeError), match=r"(?i)initiali[sz]ed|active"):
        await User.all().count()
