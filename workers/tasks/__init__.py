"""Job modules; each maps job names to core coroutines."""

from __future__ import annotations

from core.jobs import JobFunction

JOBS: dict[str, JobFunction] = {}
