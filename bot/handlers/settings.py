"""/settings: language, sex for the norms, and deleting all of the user's data."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.keyboards.callbacks import SettingsAction, SexChoice
from bot.keyboards.settings import (
    delete_confirm_keyboard,
    language_keyboard,
    settings_keyboard,
    sex_keyboard,
)
from bot.replies import show_in_place
from bot.texts import settings_text
from core.account import erase_account
from core.db.models import Sex, User
from core.services import Services
from core.users import set_sex

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="settings")
    router.message.register(show_settings, Command("settings"))
    router.callback_query.register(ask_language, SettingsAction.filter(F.action == "language"))
    router.callback_query.register(ask_sex, SettingsAction.filter(F.action == "sex"))
    router.callback_query.register(choose_sex, SexChoice.filter())
    router.callback_query.register(ask_delete, SettingsAction.filter(F.action == "delete"))
    router.callback_query.register(
        confirm_delete, SettingsAction.filter(F.action == "delete_confirm")
    )
    router.callback_query.register(back_to_settings, SettingsAction.filter(F.action == "back"))
    return router


async def show_settings(message: Message, user: User) -> None:
    await message.answer(settings_text(user), reply_markup=settings_keyboard())


async def ask_language(query: CallbackQuery) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(_("Choose your language:"), reply_markup=language_keyboard())


async def ask_sex(query: CallbackQuery) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(
            _(
                "Dream content norms differ between women and men. Which norms should your "
                "journal be compared with?"
            ),
            reply_markup=sex_keyboard(),
        )


async def choose_sex(query: CallbackQuery, callback_data: SexChoice, user: User) -> None:
    try:
        sex = Sex(callback_data.value)
    except ValueError:
        await query.answer(_("This button is no longer active."))
        return
    await set_sex(user, sex)
    await query.answer(_("Saved."))
    await show_in_place(query, settings_text(user), settings_keyboard())


async def ask_delete(query: CallbackQuery) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(
            _(
                "This deletes your account, every dream, voice note and analysis, and your "
                "remaining credits. It cannot be undone. Delete everything?"
            ),
            reply_markup=delete_confirm_keyboard(),
        )


async def confirm_delete(query: CallbackQuery, user: User, i18n: I18n, services: Services) -> None:
    locale = user.language
    await erase_account(user, services.erasure())
    with i18n.use_locale(locale):
        await query.answer()
        await show_in_place(
            query,
            _("Done. All your data has been deleted. Send /start if you ever want to return."),
        )


async def back_to_settings(query: CallbackQuery, user: User) -> None:
    await query.answer()
    await show_in_place(query, settings_text(user), settings_keyboard())
