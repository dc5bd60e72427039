"""Fixed SQL statements for the analysis job's hot path, run on Tortoise's own connections.

Why not the ORM there: Tortoise builds every query anew through pypika and a model through
its setters, ~1–1.5 ms of CPU per statement (measured on the analysis job: loading the dream
with its user 1.46 ms, the same row by a fixed statement 0.28 ms). A job makes about seven,
so that was a fifth of a worker's CPU per analysis. These statements go through the same
pool and the same transactions as the ORM (pass ``using=`` the transaction's connection),
raise the same ``IntegrityError``, and rows become real models (the ORM's own constructor for
rows, through ``core.db.orm_internals``), so callers cannot tell the difference.

Statements are written once, in PostgreSQL's dialect with ``$1 … $n`` placeholders and only
syntax SQLite shares (``INSERT … ON CONFLICT``, ``RETURNING``); for SQLite the placeholders
become ``?1 … ?n`` and UUIDs travel as text, which is how Tortoise stores them there.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from core.db.config import CONNECTION
from core.db.orm_internals import mark_saved, model_from_db

M = TypeVar("M", bound=Model)

_PLACEHOLDER = re.compile(r"\$(\d+)")


class Statement:
    """One SQL statement, kept in both dialects' spelling."""

    __slots__ = ("postgres", "sqlite")

    def __init__(self, sql: str) -> None:
        self.postgres = " ".join(sql.split())
        self.sqlite = _PLACEHOLDER.sub(r"?\1", self.postgres)

    @classmethod
    def per_dialect(cls, postgres: str, sqlite: str) -> Statement:
        """A statement spelled differently by the two (JSON access, ...), ``$n`` in both."""
        statement = cls(postgres)
        statement.sqlite = _PLACEHOLDER.sub(r"?\1", " ".join(sqlite.split()))
        return statement

    def text_for(self, client: BaseDBAsyncClient) -> str:
        return self.sqlite if _is_sqlite(client) else self.postgres


def _is_sqlite(client: BaseDBAsyncClient) -> bool:
    return client.capabilities.dialect == "sqlite"


def _client(using: BaseDBAsyncClient | None) -> BaseDBAsyncClient:
    return using if using is not None else connections.get(CONNECTION)


def _values(client: BaseDBAsyncClient, values: Sequence[Any]) -> list[Any]:
    if not _is_sqlite(client):
        return list(values)
    return [str(v) if isinstance(v, uuid.UUID) else v for v in values]


async def fetch(
    statement: Statement, *values: Any, using: BaseDBAsyncClient | None = None
) -> list[dict[str, Any]]:
    """The rows a query returns, as dicts keyed by column name."""
    client = _client(using)
    return await client.execute_query_dict(statement.text_for(client), _values(client, values))


async def execute(
    statement: Statement, *values: Any, using: BaseDBAsyncClient | None = None
) -> int:
    """Run a write; the number of rows it changed."""
    client = _client(using)
    changed, _rows = await client.execute_query(statement.text_for(client), _values(client, values))
    return changed


def columns(model: type[Model], table_alias: str, prefix: str = "") -> str:
    """``alias."col" AS "prefixcol", …`` for every column of ``model`` (a SELECT list)."""
    return ", ".join(
        f'{table_alias}."{column}" AS "{prefix}{column}"'
        for column in model._meta.fields_db_projection.values()
    )


def model_from_row(model: type[M], row: dict[str, Any], prefix: str = "") -> M:
    """A model instance from a row selected with :func:`columns` (same ``prefix``)."""
    values = {
        column: row[f"{prefix}{column}"] for column in model._meta.fields_db_projection.values()
    }
    return model_from_db(model, values)


def python_value(model: type[Model], field: str, value: Any) -> Any:
    """A column value read by a fixed statement, as the ORM would return it."""
    return model._meta.fields_map[field].to_python_value(value)


@cache
def _insert_statement(
    model: type[Model], conflict: tuple[str, ...], update: tuple[str, ...]
) -> Statement:
    meta = model._meta
    names = list(meta.fields_db_projection.values())
    quoted = ", ".join(f'"{name}"' for name in names)
    placeholders = ", ".join(f"${i}" for i in range(1, len(names) + 1))
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({placeholders})'
    if conflict:
        target = ", ".join(f'"{meta.fields_db_projection[f]}"' for f in conflict)
        changes = ", ".join(
            f'"{c}" = EXCLUDED."{c}"' for c in (meta.fields_db_projection[f] for f in update)
        )
        sql += f" ON CONFLICT ({target}) DO UPDATE SET {changes}"
    return Statement(sql)


async def insert(
    instance: Model,
    *,
    on_conflict: tuple[str, ...] = (),
    update: tuple[str, ...] = (),
    using: BaseDBAsyncClient | None = None,
) -> None:
    """Insert a new model instance (every column, defaults and ``auto_now`` applied as the ORM
    does); with ``on_conflict``, replace the ``update`` fields of the row it collides with."""
    model = type(instance)
    fields = model._meta.fields_map
    values = [
        fields[name].to_db_value(getattr(instance, name), instance)
        for name in model._meta.fields_db_projection
    ]
    await execute(_insert_statement(model, on_conflict, update), *values, using=using)
    mark_saved(instance)
