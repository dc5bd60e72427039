"""/start: greets the user in their language, offers the language choice and the privacy note."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandStart
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.keyboards.callbacks import LanguageChoice
from bot.keyboards.settings import language_keyboard
from bot.replies import show_in_place
from bot.texts import language_name, welcome_text
from core.db.models import User
from core.i18n import SUPPORTED_LOCALES
from core.users import set_language


def create_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart())
    router.callback_query.register(
        choose_language, LanguageChoice.filter(F.code.in_(SUPPORTED_LOCALES))
    )
    router.message.filter(F.chat.type == "private")
    return router


async def start(message: Message, user: User) -> None:
    await message.answer(welcome_text(user))
    await message.answer(_("Choose your language:"), reply_markup=language_keyboard())


async def choose_language(
    query: CallbackQuery, callback_data: LanguageChoice, user: User, i18n: I18n
) -> None:
    await set_language(user, callback_data.code)
    with i18n.use_locale(user.language):
        await query.answer(_("Language saved."))
        # One short line in place of the question: the welcome was already read.
        await show_in_place(
            query,
            _("Language: {language}. You can change it any time in /settings.").format(
                language=language_name(user.language)
            ),
        )
