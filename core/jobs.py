"""One job interface for both deployments: in-process tasks (embedded) or arq on Redis.

Callers ``enqueue`` a job by name with plain arguments and an idempotency ``job_id``; they cannot
tell which runner executes it. Job functions take a :class:`JobContext` first, like arq's ``ctx``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

JobFunction = Callable[..., Awaitable[Any]]


class JobError(Exception):
    """Root of job-queue errors."""


class UnknownJob(JobError):
    """A job name that no worker registered; check the job registry."""


class QueueUnavailable(JobError):
    """The job store (Redis) cannot be reached: the job was not queued. Whatever it was for is
    stored already; the sweeper (:mod:`core.dreams.sweeper`) queues it once the store is back."""


class RetryJob(JobError):
    """Raised by a job that should run again later (a transient failure)."""

    def __init__(self, defer_seconds: float = 1.0):
        super().__init__(f"retry in {defer_seconds:.1f}s")
        self.defer_seconds = defer_seconds


class JobQueue(Protocol):
    async def enqueue(self, function: str, *args: Any, job_id: str | None = None) -> bool:
        """Queue ``function(*args)``; False when a job with ``job_id`` was already queued."""
        ...

    async def wait(self, job_id: str) -> None:
        """Wait until the job ``job_id`` has finished (bound it with ``asyncio.timeout``)."""
        ...

    async def close(self) -> None: ...


@dataclass(slots=True)
class JobContext:
    """What every job receives first: the process's shared services (typed by the app)."""

    services: Any
    job_id: str | None = None
    job_try: int = 1


@dataclass(slots=True)
class InProcessJobQueue:
    """Runs jobs as asyncio tasks in this process, with arq's semantics where they matter:
    de-duplication by ``job_id``, bounded retries on :class:`RetryJob`, a per-job timeout."""

    functions: Mapping[str, JobFunction]
    services: Any = None
    max_tries: int = 3
    job_timeout: float = 300.0
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _seen_ids: set[str] = field(default_factory=set)
    _by_id: dict[str, asyncio.Task[None]] = field(default_factory=dict)

    async def enqueue(self, function: str, *args: Any, job_id: str | None = None) -> bool:
        if function not in self.functions:
            raise UnknownJob(f"no job named {function!r}; known: {sorted(self.functions)}")
        if job_id is not None:
            if job_id in self._seen_ids:
                return False
            self._seen_ids.add(job_id)
        task = asyncio.create_task(self._run(function, args, job_id), name=f"job:{function}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if job_id is not None:
            self._by_id[job_id] = task
            task.add_done_callback(lambda _: self._by_id.pop(job_id, None))
        return True

    async def wait(self, job_id: str) -> None:
        task = self._by_id.get(job_id)
        if task is not None:
            await asyncio.shield(task)

    async def _run(self, function: str, args: tuple[Any, ...], job_id: str | None) -> None:
        for attempt in range(1, self.max_tries + 1):
            ctx = JobContext(services=self.services, job_id=job_id, job_try=attempt)
            try:
                await asyncio.wait_for(self.functions[function](ctx, *args), self.job_timeout)
                return
            except RetryJob as retry:
                if attempt == self.max_tries:
                    log.error("job %s (%s) gave up after %d tries", function, job_id, attempt)
                    return
                await asyncio.sleep(retry.defer_seconds)
            except Exception:
                # A job's own failure must not kill the process; it is logged with its trace.
                log.exception("job %s (%s) failed", function, job_id)
                return

    async def drain(self) -> None:
        """Wait for every queued job (tests and graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        await self.drain()
