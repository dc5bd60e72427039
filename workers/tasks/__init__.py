"""Job modules; each maps job names to core coroutines."""

from __future__ import annotations

from core.dreams.journal import ANALYZE_JOB
from core.jobs import JobFunction
from workers.tasks.dreams import analyze_dream

JOBS: dict[str, JobFunction] = {ANALYZE_JOB: analyze_dream}
