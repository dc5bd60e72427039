"""Errors of the data layer, and which driver errors mean "the database cannot be reached"."""

from __future__ import annotations

import sqlite3

import asyncpg
from tortoise.exceptions import BaseORMException, DBConnectionError

#: Driver errors meaning the server is down, refuses us or is not ours (OSError covers refused
#: connections, DNS failures, timeouts and Tortoise's DBConnectionError).
UNREACHABLE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InvalidAuthorizationSpecificationError,
    asyncpg.InvalidCatalogNameError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
)

#: Everything a health probe may meet from a broken database; it reports, never raises.
PROBE_ERRORS: tuple[type[BaseException], ...] = (
    *UNREACHABLE_ERRORS,
    BaseORMException,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    sqlite3.Error,
)


#: Errors of a database that is away for a moment (restarting, failing over, unreachable): the
#: work is worth retrying. Tortoise wraps some driver errors (``from``), so causes count too.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    *UNREACHABLE_ERRORS,
    asyncpg.InterfaceError,
    asyncpg.exceptions.OperatorInterventionError,  # admin/crash shutdown, starting up
    asyncpg.exceptions.ConnectionFailureError,
    DBConnectionError,
    ConnectionError,
)


def is_transient(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the database is away, not that the work is
    wrong: connection refused or lost, server shutting down or starting up."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, TRANSIENT_ERRORS):
            return True
        seen.add(id(current))
        current = current.__cause__  # explicit wrapping only (``raise X from driver_error``)
    return False


class DatabaseError(Exception):
    """Root of the data layer's own errors."""


class DatabaseUrlError(DatabaseError, ValueError):
    """The database URL cannot be used; the message says which spellings are accepted."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached at start-up or while migrating."""

    def __init__(self, description: str, reason: str) -> None:
        super().__init__(
            f"cannot reach the database {description}: {reason} "
            "(is the server running, and are the URL's host, user and password right?)"
        )
