"""Migration tests stay at this path: the team's landing script runs tests/db/test_migrations.py by name."""
