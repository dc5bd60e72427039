"""Database URLs: the spellings operators use, mapped to what Tortoise ORM understands.

Operators paste URLs from Heroku, docker-compose files or SQLAlchemy configs; all of these
must work, and none of them may leak a password into a log line.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import SplitResult, urlsplit, urlunsplit

from core.db.errors import DatabaseUnavailable, DatabaseUrlError

#: Schemes that mean "PostgreSQL through asyncpg" (Tortoise's own spelling is ``postgres``).
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", "postgresql+asyncpg", "asyncpg"})
SQLITE_SCHEMES = frozenset({"sqlite", "sqlite+aiosqlite"})
MEMORY = ":memory:"


def normalize_db_url(url: str) -> str:
    """Return ``url`` in the form Tortoise ORM expects.

    PostgreSQL spellings become ``postgres://…``; SQLite becomes ``sqlite:///<absolute path>``
    (a relative file is resolved against the current directory *now*, so a later ``chdir`` in
    a worker cannot silently open a second, empty database) or ``sqlite://:memory:``.

    >>> normalize_db_url("postgresql+asyncpg://u:p@db:5432/app")
    'postgres://u:p@db:5432/app'
    >>> normalize_db_url("sqlite://:memory:")
    'sqlite://:memory:'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in POSTGRES_SCHEMES:
        return urlunsplit(parts._replace(scheme="postgres"))
    if scheme in SQLITE_SCHEMES:
        return _normalize_sqlite(parts)
    raise DatabaseUrlError(
        f"unsupported database URL scheme {parts.scheme!r}: use postgres://user:pass@host/db "
        "or sqlite:///absolute/path.db, sqlite://relative.db, sqlite://:memory:"
    )


def _normalize_sqlite(parts: SplitResult) -> str:
    raw = parts.netloc + parts.path
    if not raw:
        raise DatabaseUrlError(
            "a sqlite URL needs a file: sqlite:///abs/path.db or sqlite://:memory:"
        )
    if raw == MEMORY:
        return f"sqlite://{MEMORY}"
    path = Path(raw).expanduser().resolve()
    query = f"?{parts.query}" if parts.query else ""
    return f"sqlite://{path.as_posix()}{query}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for PostgreSQL and in-memory databases."""
    normalized = normalize_db_url(url)
    if not normalized.startswith("sqlite://") or normalized == f"sqlite://{MEMORY}":
        return None
    return Path(urlsplit(normalized).path)


def is_postgres(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in POSTGRES_SCHEMES


def describe_db_url(url: str) -> str:
    """A one-line description for logs: scheme, user, host, port, database — never the password.

    >>> describe_db_url("postgres://app:s3cret@db.internal:5432/oneiroscope")
    'postgres://app:***@db.internal:5432/oneiroscope'
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # a malformed port: say so without echoing the URL, which may hold secrets
        return "<malformed database URL>"
    if parts.scheme.lower() in SQLITE_SCHEMES:
        return f"sqlite:{parts.netloc + parts.path}"
    user = parts.username or ""
    secret = ":***" if parts.password else ""
    at = "@" if user or secret else ""
    netloc = f"{user}{secret}{at}{host}" + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def scrub(error: BaseException, url: str) -> str:
    """``error`` as text for a log line, with the URL's password masked if a driver echoed it."""
    text = f"{type(error).__name__}: {error}"
    try:
        password = urlsplit(url.strip()).password
    except ValueError:
        return text
    return text.replace(password, "***") if password else text


def unavailable(url: str, error: BaseException) -> DatabaseUnavailable:
    """The error to raise when ``url`` cannot be reached, naming it without its password."""
    return DatabaseUnavailable(describe_db_url(url), scrub(error, url))
