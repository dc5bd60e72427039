"""The jobs this product runs, by name: the single list both runners are built from."""

from __future__ import annotations

from core.jobs import JobFunction
from workers.limits import JOB_TIMEOUT_SECONDS, MAX_TRIES
from workers.tasks import JOBS as TASK_JOBS

#: Job name → core coroutine ``(ctx: JobContext, *args)``.
JOBS: dict[str, JobFunction] = dict(TASK_JOBS)

__all__ = ["JOBS", "JOB_TIMEOUT_SECONDS", "MAX_TRIES"]
