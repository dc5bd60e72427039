"""What ``workers.queue_worker.QueueWorker`` relies on in arq's private worker API. An arq
release that changes any of it fails here, by name (the behaviour is covered by
``test_queue_worker.py``); arq is pinned in ``pyproject.toml`` for the same reason."""

from __future__ import annotations

import inspect
import signal

import arq
import pytest
from arq.worker import Worker

#: Method → (signature, is a coroutine function), as QueueWorker overrides or calls them.
METHODS = {
    "_poll_iteration": ("(self) -> None", True),
    "_release_sem_dec_counter_on_complete": ("(self) -> None", False),
    "start_jobs": ("(self, job_ids: list[bytes]) -> None", True),
    "run_job": ("(self, job_id: str, score: int) -> None", True),
    "handle_sig": ("(self, signum: signal.Signals) -> None", False),
    "close": ("(self) -> None", True),
}


def test_arq_is_the_version_the_worker_was_written_for() -> None:
    assert arq.VERSION == "0.28.0", "re-check workers/queue_worker.py against the new arq"


@pytest.mark.parametrize("name", sorted(METHODS))
def test_the_methods_the_worker_builds_on_are_unchanged(name: str) -> None:
    signature, is_coroutine = METHODS[name]
    method = getattr(Worker, name)

    assert str(inspect.signature(method)) == signature
    assert inspect.iscoroutinefunction(method) is is_coroutine


def test_the_state_the_worker_shares_with_arq_is_still_set_up() -> None:
    source = inspect.getsource(Worker.__init__)
    for attribute in ("self.sem", "self.job_counter", "self.tasks", "self.main_task"):
        assert attribute in source, attribute


def test_close_without_signal_handlers_still_reports_itself_as_sigusr1() -> None:
    """QueueWorker.handle_sig rewords exactly this call (one SIGTERM, one log line)."""
    assert "self.handle_sig(signal.SIGUSR1)" in inspect.getsource(Worker.close)
    assert signal.SIGUSR1  # the platform has it
