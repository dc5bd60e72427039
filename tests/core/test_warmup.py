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
