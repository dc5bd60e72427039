"""One central error handler: a polite, localized reply and a log line with the update id.

The reply never claims something was kept unless it was: for a message, the database is asked
whether its dream is stored (and a database that cannot answer counts as "not stored").
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent, Message
from aiogram.utils.i18n import gettext as _

from core.dreams.intake import dream_kept, message_origin

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
    query = update.callback_query
    message = update.message or (query.message if query is not None else None)
    if not isinstance(message, Message):
        return True
    try:
        await message.answer(await _apology(update.message))
    except TelegramAPIError as exc:
        log.warning("could not tell the user about the error: %s", exc)
    return True


async def _apology(sent: Message | None) -> str:
    if sent is not None and await dream_kept(message_origin(sent.chat.id, sent.message_id)):
        return _(
            "Sorry, something went wrong on our side. Your dream is saved in your journal and "
            "will be analysed as soon as possible; nothing was charged."
        )
    return _(
        "Sorry, something went wrong on our side and I could not save what you sent. "
        "Please send it again in a minute."
    )
