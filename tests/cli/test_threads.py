"""A process stopped while its speech model loads leaves at once, logs flushed, exit code kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cli.threads import in_thread

_SCRIPT = textwrap.dedent(
    """
    import logging, threading, time
    from cli.threads import SPEECH_MODEL_THREAD, exit_if_still_loading
    logging.basicConfig(level=logging.INFO)
    threading.Thread(target=time.sleep, args=(120,), name=SPEECH_MODEL_THREAD).start()
    exit_if_still_loading(3)
    print("not reached")
    """
)


def test_a_model_still_loading_does_not_hold_the_exit() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3
    assert "not waiting for it" in done.stderr
    assert "not reached" not in done.stdout


async def test_work_in_a_thread_hands_its_error_to_the_awaiting_task() -> None:
    def broken() -> None:
        raise ValueError("model folder unreadable")

    with pytest.raises(ValueError, match="unreadable"):
        await in_thread(broken, name="test-load", daemon=True)
