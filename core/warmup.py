"""Load at start-up what the first dream would otherwise wait for.

The city index (a couple of seconds), the HVdC and symbol lexicons, the dream/not-a-dream model,
the local embedding model and the lunar tables are all built lazily on first use; a process that serves users builds them before the first request.
A long-running process then freezes its heap: everything loaded so far moves out of the cyclic
garbage collector's way, so later collections scan only what requests create (the GC cost per
analysis fell from ~0.6 to ~0.2 ms on the analysis worker). Test processes, which start the
product many times, must not freeze: frozen objects are never collected.
"""

from __future__ import annotations

import gc
import logging
import time
from typing import Any, Protocol, runtime_checkable

from core.dreams.analyzer import read_dream
from core.dreams.screening import warm_up as warm_up_screening
from core.lunar.places import warm_up as warm_up_places

log = logging.getLogger(__name__)

_SAMPLES = (
    ("en", "I was flying over the sea with my sister and felt happy, then a dog chased us home."),
    ("ru", "Мне снилось, что я летала над морем с сестрой, а потом собака гналась за нами."),
)


@runtime_checkable
class LoadsLocally(Protocol):
    """An embedder whose model lives in this process (its weights load on first use)."""

    def embed_sync(self, texts: list[str]) -> Any: ...


def warm_up(*, settle_heap: bool = False, embedder: object | None = None) -> None:
    """Build the lazy tables now (blocking: run it in a thread); freeze the heap if asked.

    ``embedder``: the analyzer's; a local model loads its weights here, not in the first
    user's analysis (that took ~2.5 s).
    """
    started = time.perf_counter()
    warm_up_places()
    warm_up_screening()
    for language, text in _SAMPLES:
        read_dream(text, language, language)
    if isinstance(embedder, LoadsLocally):
        embedder.embed_sync([_SAMPLES[0][1]])
    if settle_heap:
        gc.collect()
        gc.freeze()
    log.info("warmed up in %.1f s", time.perf_counter() - started)
