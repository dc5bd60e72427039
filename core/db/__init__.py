"""Database access: Tortoise ORM configuration, migrations, start-up, health probe and shutdown.

Typical start-up (``oneiroscope run``)::

    await init_db(settings.database_url)      # migrates, then connects for every task
    ...                                       # start bot / web / worker tasks
    await close_db()

``oneiroscope migrate`` calls ``await migrate(url)`` and prints the returned names.
"""

from core.db.config import tortoise_config
from core.db.errors import DatabaseError, DatabaseUnavailable, DatabaseUrlError
from core.db.lifecycle import active_db_url, close_db, init_db, ping_db
from core.db.migrate import migrate
from core.db.urls import describe_db_url, normalize_db_url

__all__ = [
    "DatabaseError",
    "DatabaseUnavailable",
    "DatabaseUrlError",
    "active_db_url",
    "close_db",
    "describe_db_url",
    "init_db",
    "migrate",
    "normalize_db_url",
    "ping_db",
    "tortoise_config",
]
