"""The in-flight tracker: drain waits for running handlers, and only so long."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiogram.types import TelegramObject, Update

from bot.middlewares.in_flight import InFlightUpdates


async def test_drain_waits_for_a_running_handler_and_gives_up_at_its_limit() -> None:
    tracker = InFlightUpdates()
    release = asyncio.Event()
    started = asyncio.Event()

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        started.set()
        await release.wait()
        return "answered"

    handling = asyncio.create_task(tracker(handler, Update(update_id=1), {}))
    await started.wait()
    assert tracker.running == 1
    assert await tracker.drain(0.05) is False

    draining = asyncio.create_task(tracker.drain(5))
    release.set()
    assert await draining is True
    assert await handling == "answered"
    assert tracker.running == 0


async def test_a_handler_that_raises_is_no_longer_in_flight() -> None:
    tracker = InFlightUpdates()

    async def crashing(event: TelegramObject, data: dict[str, Any]) -> None:
        raise RuntimeError("handler failed")

    with contextlib.suppress(RuntimeError):
        await tracker(crashing, Update(update_id=2), {})
    assert tracker.running == 0
    assert await tracker.drain(0) is True
