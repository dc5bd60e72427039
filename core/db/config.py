"""The Tortoise ORM configuration of the product, and how its ``migrations/`` folder is found.

``migrations/`` sits at the project root (beside ``core/``), but the project root is not on
``sys.path`` when the installed ``oneiroscope`` script runs from another directory, and a
top-level package called ``migrations`` could clash with another distribution's. So the folder
is imported under the private name :data:`MIGRATIONS_MODULE` by a tiny meta-path finder that
loads it from :data:`MIGRATIONS_DIR` — whatever the working directory.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from tortoise.backends.base.config_generator import expand_db_url

import core
from core.db.urls import is_postgres, normalize_db_url

APP_LABEL = "models"
CONNECTION = "default"
MODELS_MODULE = "core.db.models"
MIGRATIONS_MODULE = "oneiroscope_migrations"
MIGRATIONS_DIR = Path(core.__file__).resolve().parent.parent / "migrations"
#: PostgreSQL connections per process unless the URL says ``?maxsize=``.
DEFAULT_POOL_MAX = 10


class _MigrationsFinder(importlib.abc.MetaPathFinder):
    """Finds :data:`MIGRATIONS_MODULE` in :data:`MIGRATIONS_DIR`; submodules load normally."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != MIGRATIONS_MODULE:
            return None
        return importlib.util.spec_from_file_location(
            fullname,
            MIGRATIONS_DIR / "__init__.py",
            submodule_search_locations=[str(MIGRATIONS_DIR)],
        )


def install_migrations_finder() -> None:
    """Make ``import oneiroscope_migrations`` load the project's ``migrations/`` (idempotent)."""
    if not any(isinstance(finder, _MigrationsFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _MigrationsFinder())


def tortoise_config(db_url: str) -> dict[str, Any]:
    """The Tortoise config for ``db_url``: one connection, one app, UTC-aware timestamps.

    The app carries its migrations module so that both our :func:`core.db.migrate.migrate`
    and the ``tortoise`` CLI (``makemigrations``, ``sqlmigrate``) find the same history.
    """
    install_migrations_finder()
    return {
        "connections": {CONNECTION: connection_config(db_url)},
        "apps": {
            APP_LABEL: {
                "models": [MODELS_MODULE],
                "default_connection": CONNECTION,
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def connection_config(db_url: str) -> dict[str, Any]:
    """Tortoise's engine + credentials for ``db_url``.

    Hosted PostgreSQL URLs carry libpq's ``?sslmode=require``; Tortoise would hand ``sslmode``
    to asyncpg as an unknown argument (and casts ``ssl`` to a bool, losing the mode), so the
    mode is passed to asyncpg as its ``ssl`` string, which accepts libpq's mode names.
    """
    url = normalize_db_url(db_url)
    if not is_postgres(url):
        return expand_db_url(url)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    ssl_mode = query.pop("sslmode", None) or query.pop("ssl", None)
    config = expand_db_url(parts._replace(query=urlencode(query)).geturl())
    if ssl_mode:
        config["credentials"]["ssl"] = ssl_mode
    config["credentials"]["reset"] = keep_session
    # An analysis sends its memory reads and writes together: five connections per process
    # (Tortoise's default) left jobs queueing for one. ``?maxsize=`` in the URL still wins.
    config["credentials"].setdefault("maxsize", DEFAULT_POOL_MAX)
    return config


async def keep_session(connection: Any) -> None:
    """asyncpg's pool ``reset`` hook: nothing beyond asyncpg's own rollback of an open transaction.

    asyncpg's default sends ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``
    each time a connection goes back to the pool — a round trip and a PostgreSQL transaction per
    checkout, half of all transactions of an analysis. The product's pooled connections never
    LISTEN, SET session variables, keep cursors outside a transaction or hold advisory locks
    (migrations lock on their own short-lived pool and unlock explicitly; closing that pool
    drops the session), so there is nothing to undo.
    """
