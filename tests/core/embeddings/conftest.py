from tests.dbutil import database  # noqa: F401 - the fixture, on SQLite and PostgreSQL
