"""Loads (or creates on first contact) the product's user and puts it in handler data."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser

from core.billing.config import billing_key
from core.users import TelegramProfile, get_or_create_telegram_user

log = logging.getLogger(__name__)


class UserMiddleware(BaseMiddleware):
    """Handlers receive ``user`` (our model) and ``user_is_new``; updates without a sender
    (channel posts, service updates) pass through with no user. Updates sent by bots are
    dropped: a bot is not a dreamer, and every handler here speaks to a person."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        tg_user: TelegramUser | None = data.get("event_from_user")
        if tg_user is None:
            return await handler(event, data)
        if tg_user.is_bot:
            log.debug("update from a bot account ignored")
            return None
        profile = TelegramProfile(
            telegram_id=tg_user.id,
            first_name=tg_user.first_name or "",
            language_code=tg_user.language_code,
        )
        services = data.get("services")
        key = billing_key(services.settings) if services is not None else None
        data["user"], data["user_is_new"] = await get_or_create_telegram_user(profile, key)
        return await handler(event, data)
