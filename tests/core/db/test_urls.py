"""Database URL spellings are accepted, and passwords never reach a log line."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.db import DatabaseUrlError, describe_db_url, normalize_db_url, tortoise_config
from core.db.config import connection_config


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://app:pw@db:5432/oneiroscope",
        "postgres://app:pw@db:5432/oneiroscope",
        "postgresql+asyncpg://app:pw@db:5432/oneiroscope",
    ],
)
def test_every_postgres_spelling_maps_to_tortoise_postgres(url: str) -> None:
    assert normalize_db_url(url) == "postgres://app:pw@db:5432/oneiroscope"


def test_absolute_sqlite_path_is_kept() -> None:
    assert normalize_db_url("sqlite:///var/lib/oneiroscope/data.db") == (
        "sqlite:///var/lib/oneiroscope/data.db"
    )


def test_relative_sqlite_path_is_resolved_against_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert (
        normalize_db_url("sqlite://oneiroscope.db")
        == f"sqlite://{tmp_path.resolve()}/oneiroscope.db"
    )
    assert normalize_db_url("sqlite://./data/x.db") == f"sqlite://{tmp_path.resolve()}/data/x.db"


def test_in_memory_sqlite_stays_in_memory() -> None:
    assert normalize_db_url("sqlite://:memory:") == "sqlite://:memory:"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "redis://localhost/0", "sqlite://", "nonsense"])
def test_unsupported_url_is_refused_with_a_hint(url: str) -> None:
    with pytest.raises(DatabaseUrlError, match="sqlite"):
        normalize_db_url(url)


def test_description_hides_the_password() -> None:
    described = describe_db_url("postgresql://app:s3cr3t@db.internal:5432/oneiroscope")
    assert "s3cr3t" not in described
    assert described == "postgresql://app:***@db.internal:5432/oneiroscope"


def test_description_of_sqlite_names_the_file() -> None:
    assert describe_db_url("sqlite:///srv/oneiroscope.db") == "sqlite:/srv/oneiroscope.db"


def test_config_is_timezone_aware_utc_and_knows_its_migrations() -> None:
    config = tortoise_config("postgresql://app@db/oneiroscope")
    assert config["use_tz"] is True
    assert config["timezone"] == "UTC"
    assert config["connections"]["default"]["credentials"]["database"] == "oneiroscope"
    app = config["apps"]["models"]
    assert app["models"] == ["core.db.models"]
    assert app["migrations"]


def test_hosted_postgres_sslmode_reaches_asyncpg_as_its_ssl_mode() -> None:
    connection = connection_config("postgresql://app:pw@db.example:5432/app?sslmode=require")

    assert connection["engine"] == "tortoise.backends.asyncpg"
    assert connection["credentials"]["ssl"] == "require"
    assert "sslmode" not in connection["credentials"]
    assert connection["credentials"]["host"] == "db.example"


def test_sqlite_connection_points_at_the_resolved_file(tmp_path: Path) -> None:
    connection = connection_config(f"sqlite://{tmp_path}/x.db")

    assert connection["engine"] == "tortoise.backends.sqlite"
    assert connection["credentials"]["file_path"] == f"{tmp_path.resolve()}/x.db"
