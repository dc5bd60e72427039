"""One central error handler: a polite, localized reply and a log line with the update id."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent
from aiogram.utils.i18n import gettext as _

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router


async def on_error(event: ErrorEvent) -> bool:
    update = event.update
    log.error(
        "update %s failed: %s",
        update.update_id,
        type(event.exception).__name__,
        exc_info=event.exception,
    )
    message = update.message or (update.callback_query and update.callback_query.message)
    if message is None:
        return True
    try:
        await message.answer(
            _(
                "Sorry, something went wrong on our side. Nothing you sent was lost; please try again."
            )
        )
    except TelegramAPIError as exc:
        log.warning("could not tell the user about the error: %s", exc)
    return True
