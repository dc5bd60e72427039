"""Migrations create the schema on a fresh database, once, from any working directory."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tortoise.cli.cli import tortoise_cli_context
from tortoise.migrations.autodetector import MigrationAutodetector

from core.db import DatabaseUnavailable, close_db, init_db, migrate
from core.db.config import tortoise_config
from core.db.models import Dream, User
from tests import services
from tests.dbutil import DB_KINDS, temp_database, with_database

#: Every migration file, in the order the engine applies them (names sort by their number).
ALL_MIGRATIONS = sorted(
    path.stem
    for path in (Path(__file__).parents[2] / "migrations").glob("[0-9][0-9][0-9][0-9]_*.py")
)


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_fresh_database_gets_the_initial_migration_once(kind: str) -> None:
    async with temp_database(kind) as url:
        first = await migrate(url)
        second = await migrate(url)

    assert first == ALL_MIGRATIONS
    assert second == []


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_migrated_database_holds_the_product_tables(kind: str) -> None:
    async with temp_database(kind) as url:
        await migrate(url)
        await init_db(url, migrate=False)
        try:
            user = await User.create(first_name="Ада")
            await Dream.create(user=user, text="Я летала над морем")
            assert await Dream.filter(user=user).count() == 1
        finally:
            await close_db()


@pytest.mark.parametrize("kind", DB_KINDS)
async def test_init_db_migrates_by_default_and_survives_a_restart(kind: str) -> None:
    async with temp_database(kind) as url:
        await init_db(url)
        await init_db(url)  # a restart: nothing pending, the old connection is replaced
        try:
            assert await User.all().count() == 0
        finally:
            await close_db()


async def test_unreachable_postgres_is_reported_without_its_password(unused_tcp_port: int) -> None:
    url = f"postgres://app:hunter2@127.0.0.1:{unused_tcp_port}/oneiroscope"

    with pytest.raises(DatabaseUnavailable) as caught:
        await init_db(url)

    assert "hunter2" not in str(caught.value)
    assert f"127.0.0.1:{unused_tcp_port}" in str(caught.value)


async def test_missing_postgres_database_is_reported_as_unavailable() -> None:
    url = with_database(services.postgres_url(), "oneiroscope_no_such_database")

    with pytest.raises(DatabaseUnavailable, match="oneiroscope_no_such_database"):
        await migrate(url)


async def test_processes_starting_together_apply_each_migration_once() -> None:
    async with temp_database("postgres") as url:
        results = await asyncio.gather(migrate(url), migrate(url), migrate(url))

    assert sorted(results) == [[], [], ALL_MIGRATIONS]


async def test_models_and_migrations_agree() -> None:
    """Fails when models.py changed without `tortoise ... makemigrations` (see core.db.migrate)."""
    config = tortoise_config("sqlite://:memory:")
    async with tortoise_cli_context(config) as ctx:
        assert ctx.apps is not None
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()

    assert [writer.name for writer in writers] == []


def test_migrate_works_outside_the_project_directory(tmp_path: Path) -> None:
    """An installed `oneiroscope migrate` runs with the project root absent from sys.path."""
    script = (
        "import asyncio, os, sys\n"
        "assert '' not in sys.path and os.getcwd() not in sys.path, sys.path\n"
        "from core.db import migrate\n"
        "print(asyncio.run(migrate('sqlite://relative.db')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-I", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(ALL_MIGRATIONS)
    assert (tmp_path / "relative.db").is_file()
