from tests.dbutil import database  # noqa: F401
