"""The processes give the numeric libraries one thread each, unless the operator chose."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = "import cli, os; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])"


def _probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_one_blas_thread_per_process_by_default() -> None:
    assert _probe() == "1 1"


def test_the_operators_choice_wins() -> None:
    assert _probe(OPENBLAS_NUM_THREADS="4") == "4 1"
