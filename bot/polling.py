"""Long polling that one unreadable update cannot stop.

aiogram reads a ``getUpdates`` answer as one list: one update it cannot parse fails the whole
batch, and polling retries the same batch for ever (everybody's updates wait). Here such a batch
is read update by update: the readable ones go on, each unreadable one is logged once and
confirmed (the next ``offset`` passes it), so Telegram does not send it again.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import ClientDecodeError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import Update
from pydantic import ValidationError

log = logging.getLogger(__name__)


class SkipUnreadableUpdates(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except ClientDecodeError as exc:
            raw = exc.data.get("result") if isinstance(exc.data, dict) else None
            if not isinstance(method, GetUpdates) or not isinstance(raw, list):
                raise
            return _readable(bot, method, raw)  # type: ignore[return-value]


def _readable(bot: Bot, method: GetUpdates, raw: list[Any]) -> list[Update]:
    """What a successful ``getUpdates`` returns through the session (its result, not the
    ``Response`` the annotation of aiogram's middleware type names)."""
    updates: list[Update] = []
    last_id: int | None = None
    for item in raw:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if isinstance(update_id, int):
            last_id = update_id if last_id is None else max(last_id, update_id)
        try:
            updates.append(Update.model_validate(item, context={"bot": bot}))
        except ValidationError:
            log.warning("update %s could not be read: skipped", update_id)
    if last_id is not None:
        # Confirms the unreadable ones too; aiogram moves the offset on from each update it
        # hands out, so a readable update after them changes nothing here.
        method.offset = last_id + 1
    return updates
