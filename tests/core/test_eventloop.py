"""The processes run on uvloop where it is installed, and ``EVENT_LOOP`` chooses otherwise."""

from __future__ import annotations

import asyncio
import importlib.util

import pytest

from core import eventloop
from core.config import Settings

HAS_UVLOOP = importlib.util.find_spec("uvloop") is not None


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


@pytest.mark.skipif(not HAS_UVLOOP, reason="uvloop is not installed on this platform")
def test_auto_runs_on_uvloop_where_installed() -> None:
    assert eventloop.run(_loop_module(), "auto").startswith("uvloop")


def test_asyncio_opts_out_of_uvloop() -> None:
    assert eventloop.run(_loop_module(), "asyncio").startswith("asyncio")


def test_insisting_on_a_missing_uvloop_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(eventloop.EventLoopUnavailable):
        eventloop.loop_kind("uvloop")
    assert eventloop.loop_kind("auto") == "asyncio"


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENT_LOOP", "asyncio")
    assert Settings(_env_file=None).event_loop == "asyncio"  # type: ignore[call-arg]
    monkeypatch.setenv("EVENT_LOOP", "trio")
    with pytest.raises(ValueError):
        Settings(_env_file=None)  # type: ignore[call-arg]
