"""Work beside the event loop in threads of their own, and a stop that does not wait for it.

Start-up loads things that take seconds of CPU: the city index and lexicons (``warm-up``) and,
in a long-running worker, the speech model. In the loop's default executor (``to_thread``) a
SIGTERM during that load would wait for it to finish, since ``asyncio.run`` joins the executor
on exit (under load that was over a minute). So each runs in a named thread of its own:

* ``warm-up`` is a daemon thread (pure Python; abandoned at exit);
* the speech model is *not*: a daemon thread frozen inside its native loader at interpreter exit
  aborted the process. Instead, once everything else has closed, a process whose model is still
  loading leaves with :func:`exit_if_still_loading` (``os._exit``, after flushing the logs and
  Sentry): nothing is left to clean up, and the half-loaded model needs no goodbye.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

SPEECH_MODEL_THREAD = "speech-model"


async def in_thread(work: Callable[[], None], *, name: str, daemon: bool) -> None:
    """Run ``work`` in a new thread named ``name``; its exception is raised here."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        if done.done():
            return
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)

    def run() -> None:
        error: BaseException | None = None
        try:
            work()
        except Exception as exc:  # handed to the awaiting task
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
            loop.call_soon_threadsafe(settle, error)

    threading.Thread(target=run, name=name, daemon=daemon).start()
    await done


def exit_if_still_loading(code: int) -> None:
    """Leave now if the speech model is still loading (see the module docstring)."""
    if not any(t.name == SPEECH_MODEL_THREAD and t.is_alive() for t in threading.enumerate()):
        return
    log.info("stopped while the speech model was still loading: not waiting for it")
    sentry = sys.modules.get("sentry_sdk")
    if sentry is not None:
        sentry.flush(timeout=2.0)
    logging.shutdown()
    sys.stderr.flush()
    sys.stdout.flush()
    os._exit(code)
