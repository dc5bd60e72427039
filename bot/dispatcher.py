"""Builds the dispatcher: storage, middlewares and routers, with the services injected."""

from __future__ import annotations

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.utils.chat_action import ChatActionMiddleware

from bot.erase import conversation_eraser
from bot.fsm_storage import FailSoftStorage
from bot.handlers import get_routers
from bot.i18n import UserI18nMiddleware, create_i18n
from bot.middlewares.dedup import DeduplicateUpdatesMiddleware
from bot.middlewares.in_flight import InFlightUpdates
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.middlewares.user import UserMiddleware
from core.services import Services

_IN_FLIGHT = "in_flight_updates"


def _storage(services: Services) -> BaseStorage:
    if services.redis is None:
        return MemoryStorage()
    # Conversation state outlives a restart and is shared by all bot processes.
    return FailSoftStorage(
        RedisStorage(
            redis=services.redis,
            key_builder=DefaultKeyBuilder(
                prefix=f"{services.settings.redis_prefix}fsm", with_bot_id=True
            ),
            state_ttl=86400,
            data_ttl=86400,
        )
    )


def create_dispatcher(services: Services) -> Dispatcher:
    """A fresh dispatcher; handlers receive ``services``, ``settings``, ``user`` and ``i18n``."""
    storage = _storage(services)
    dp = Dispatcher(storage=storage, services=services, settings=services.settings)
    if services.settings.bot_token is not None:
        bot_id = int(services.settings.bot_token.get_secret_value().split(":", 1)[0])
        services.erasers.append(conversation_eraser(storage, bot_id))
    # First, so that it sees each update's whole handling (see bot/middlewares/in_flight.py).
    tracker = InFlightUpdates()
    dp[_IN_FLIGHT] = tracker
    dp.update.outer_middleware(tracker)
    dp.update.outer_middleware(DeduplicateUpdatesMiddleware(services.cache))
    dp.update.outer_middleware(UserMiddleware())
    UserI18nMiddleware(create_i18n()).setup(dp)
    dp.message.outer_middleware(ThrottlingMiddleware(services.rate_limiter, services.cache))
    dp.message.middleware(ChatActionMiddleware())
    dp.include_routers(*get_routers())
    return dp


def in_flight_updates(dp: Dispatcher) -> InFlightUpdates:
    """The tracker of the updates ``dp`` is handling (a stopping process waits for them)."""
    tracker = dp[_IN_FLIGHT]
    assert isinstance(tracker, InFlightUpdates), "dispatcher not built by create_dispatcher"
    return tracker
