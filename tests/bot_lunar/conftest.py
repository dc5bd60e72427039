"""The bot fixtures of ``tests/bot``, with the lunar router included even before it is
registered in ``bot.handlers.get_routers`` (and not twice once it is)."""

from __future__ import annotations

import pytest
from aiogram import Router

import bot.dispatcher
from bot.handlers import lunar
from tests.bot.conftest import product

__all__ = ["product"]


@pytest.fixture(autouse=True)
def lunar_router_included(monkeypatch: pytest.MonkeyPatch) -> None:
    registered = bot.dispatcher.get_routers

    def routers() -> list[Router]:
        found = registered()
        if any(router.name == "lunar" for router in found):
            return found
        return [*found[:-1], lunar.create_router(), found[-1]]  # before the catch-all

    monkeypatch.setattr(bot.dispatcher, "get_routers", routers)
