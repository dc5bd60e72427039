"""Answering a button tap where it was made: the tapped message is edited when Telegram still
lets the bot edit it, and a fresh message is sent when it does not (older than 48 hours, an
``InaccessibleMessage``, or "message can't be edited") — the tap always gets its answer."""

from __future__ import annotations

import logging

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

log = logging.getLogger(__name__)


async def show_in_place(
    query: CallbackQuery, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the tapped message's text (and buttons); else send ``text`` as a new message."""
    message = query.message
    if isinstance(message, Message):
        try:
            await message.edit_text(text, reply_markup=reply_markup)
            return
        except TelegramBadRequest as error:
            if "not modified" in error.message:
                return  # the same text tapped twice: already shown
            log.info("tapped message not editable, answering anew: %s", error.message)
    if message is not None:
        await message.answer(text, reply_markup=reply_markup)
    elif query.bot is not None:
        # A button under an inline-mode message: no chat message to attach to.
        await query.bot.send_message(query.from_user.id, text, reply_markup=reply_markup)
