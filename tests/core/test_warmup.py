"""Start-up warm-up: lazy tables built before the first dream; the heap frozen only on request."""

from __future__ import annotations

import gc
import subprocess
import sys

from core.warmup import warm_up


def test_warm_up_without_settling_leaves_the_collector_alone() -> None:
    frozen = gc.get_freeze_count()
    warm_up()
    assert gc.get_freeze_count() == frozen


def test_a_long_running_process_freezes_what_it_loaded() -> None:
    probe = (
        "import gc; from core.warmup import warm_up; warm_up(settle_heap=True); "
        "print(gc.get_freeze_count())"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 10_000


def test_warm_up_loads_a_local_embedding_model_before_the_first_dream() -> None:
    class LocalModel:
        def __init__(self) -> None:
            self.loaded = False

        def embed_sync(self, texts: list[str]) -> list[list[float]]:
            self.loaded = True
            return [[0.0] for _ in texts]

    model = LocalModel()
    warm_up(embedder=model)
    assert model.loaded


def test_a_remote_embedder_is_left_alone() -> None:
    class Remote:
        async def embed(self, texts: list[str]) -> list[list[float]]:
            raise AssertionError("warm-up must not call a remote service")

    warm_up(embedder=Remote())
