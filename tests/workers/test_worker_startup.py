"""A standalone worker stopped while its speech model loads does not wait for the load.

arq cancels the worker's start-up on SIGTERM. Loaded in the loop's executor, the model would
still hold the process at exit (the executor is joined); loaded in its own named thread,
``exit_if_still_loading`` can leave at once (``tests/cli/test_threads.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest

import workers.settings as worker_settings
from cli.threads import SPEECH_MODEL_THREAD
from core.config import Settings


class _SlowModel:
    """A speech model whose load blocks until the test lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def load(self) -> None:
        self.started.set()
        self.release.wait(timeout=60)


async def test_a_stop_during_the_model_load_does_not_wait_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = _SlowModel()
    services = SimpleNamespace(voice=SimpleNamespace(transcriber=model), jobs=None, redis=None)
    closed = asyncio.Event()

    @contextlib.asynccontextmanager
    async def fake_runtime(*_: Any, **__: Any) -> AsyncIterator[SimpleNamespace]:
        try:
            yield SimpleNamespace(services=services)
        finally:
            closed.set()

    async def no_sweeps(*_: Any) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(worker_settings, "build_runtime", fake_runtime)
    monkeypatch.setattr(worker_settings, "sweep_forever", no_sweeps)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    ctx: dict[str, Any] = {}
    start = asyncio.ensure_future(worker_settings.on_startup(settings)(ctx))
    try:
        assert await asyncio.to_thread(model.started.wait, 30)
        loader = next(t for t in threading.enumerate() if t.name == SPEECH_MODEL_THREAD)
        assert not loader.daemon  # a daemon frozen in a native loader aborts the interpreter

        start.cancel()  # what arq does with its main task on SIGTERM
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(start, timeout=5)
        assert loader.is_alive()  # the stop did not wait for the load
        await worker_settings.on_shutdown(ctx)
        assert closed.is_set()  # the runtime still closes
    finally:
        model.release.set()
