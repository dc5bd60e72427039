"""The last router: unknown commands and content the bot cannot read get a clear reply."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _


def create_router() -> Router:
    router = Router(name="common")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(voice_not_yet, F.voice | F.audio | F.video_note)
    router.message.register(unsupported_content)
    router.callback_query.register(stale_button)
    return router


async def unknown_command(message: Message) -> None:
    await message.answer(_("I don't know this command. Send /help to see what I can do."))


async def unsupported_content(message: Message) -> None:
    await message.answer(
        _("I can read dreams written as text. Please tell me your dream in a message.")
    )


async def voice_not_yet(message: Message) -> None:
    await message.answer(
        _("I can't listen to voice notes yet. Please type your dream in a message for now.")
    )


async def stale_button(query: CallbackQuery) -> None:
    await query.answer(_("This button is no longer active."), show_alert=False)
