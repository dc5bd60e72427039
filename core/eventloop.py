"""Which event loop the processes run on.

uvloop (libuv) runs the same asyncio code with a cheaper scheduler and socket layer: measured
on the analysis worker, about 10-13 % less CPU per analysis (``bench/analysis_bench.py
throughput --event-loop uvloop`` against ``--event-loop asyncio``). It is a dependency
everywhere it builds (not Windows); ``EVENT_LOOP=asyncio`` opts out, ``EVENT_LOOP=uvloop``
insists (and fails loudly when it is missing).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class EventLoopUnavailable(RuntimeError):
    """``EVENT_LOOP=uvloop`` on a machine without uvloop."""


def loop_kind(choice: str) -> str:
    """``uvloop`` or ``asyncio`` for the setting ``choice`` (``auto | uvloop | asyncio``)."""
    available = importlib.util.find_spec("uvloop") is not None
    if choice == "asyncio":
        return "asyncio"
    if choice == "uvloop" and not available:
        raise EventLoopUnavailable("EVENT_LOOP=uvloop but uvloop is not installed")
    return "uvloop" if available else "asyncio"


def new_event_loop(choice: str = "auto") -> asyncio.AbstractEventLoop:
    """A fresh loop of the chosen kind (for runners that want a loop object, like arq's)."""
    if loop_kind(choice) == "uvloop":
        import uvloop

        return uvloop.new_event_loop()
    return asyncio.new_event_loop()


def run(main: Coroutine[Any, Any, T], choice: str = "auto") -> T:
    """``asyncio.run`` on the chosen loop."""
    kind = loop_kind(choice)
    log.debug("event loop: %s", kind)
    with asyncio.Runner(loop_factory=lambda: new_event_loop(kind)) as runner:
        return runner.run(main)
