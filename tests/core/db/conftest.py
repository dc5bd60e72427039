"""Data-layer fixtures: ``database`` runs a test once on SQLite and once on PostgreSQL."""

from tests.dbutil import database  # noqa: F401  (a fixture, used by name)
