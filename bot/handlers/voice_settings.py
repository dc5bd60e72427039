"""/settings → "🎙 Voice language": which language the user speaks in voice notes (English,
Russian, or detected among the two). Separate from the interface language: many people read
the bot in one language and dream aloud in another."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards.callbacks import SettingsAction
from bot.keyboards.settings import settings_keyboard
from bot.keyboards.voice import VoiceLanguageChoice, voice_language_keyboard
from bot.replies import show_in_place
from bot.texts import settings_text
from core.db.models import User
from core.voice.preferences import set_voice_language


def create_router() -> Router:
    router = Router(name="voice_settings")
    router.callback_query.register(
        ask_voice_language, SettingsAction.filter(F.action == "voice_language")
    )
    router.callback_query.register(choose_voice_language, VoiceLanguageChoice.filter())
    return router


async def ask_voice_language(query: CallbackQuery, user: User) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            _(
                "Which language do you speak in your voice notes? With “Detect” I recognise "
                "English or Russian by myself."
            ),
            reply_markup=voice_language_keyboard(user.voice_language, user.language),
        )


async def choose_voice_language(
    query: CallbackQuery, callback_data: VoiceLanguageChoice, user: User
) -> None:
    if not await set_voice_language(user, callback_data.code):
        await query.answer(_("This button is no longer active."))
        return
    await query.answer(_("Saved."))
    await show_in_place(query, settings_text(user), reply_markup=settings_keyboard())
