"""Inline keyboards of /start and /settings."""

from __future__ import annotations

from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.keyboards.callbacks import LanguageChoice, SettingsAction, SexChoice

#: Language names are shown in their own language, so they are not translated.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


def language_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        builder.button(text=name, callback_data=LanguageChoice(code=code))
    builder.adjust(2)
    return builder.as_markup()


def settings_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("🌐 Language"), callback_data=SettingsAction(action="language"))
    builder.button(text=_("📍 Place and time zone"), callback_data=SettingsAction(action="place"))
    builder.button(text=_("⚧ Sex for the norms"), callback_data=SettingsAction(action="sex"))
    builder.button(
        text=_("🎙 Voice language"), callback_data=SettingsAction(action="voice_language")
    )
    builder.button(text=_("🗑 Delete all my data"), callback_data=SettingsAction(action="delete"))
    builder.adjust(1)
    return builder.as_markup()


def sex_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("Female"), callback_data=SexChoice(value="female"))
    builder.button(text=_("Male"), callback_data=SexChoice(value="male"))
    builder.button(text=_("Prefer not to say"), callback_data=SexChoice(value="unspecified"))
    builder.adjust(2, 1)
    return builder.as_markup()


def delete_confirm_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("Yes, delete everything"), callback_data=SettingsAction(action="delete_confirm")
    )
    builder.button(text=_("No, keep my journal"), callback_data=SettingsAction(action="back"))
    builder.adjust(1)
    return builder.as_markup()


def location_request_keyboard() -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=_("📍 Share my location"), request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=_("…or type your city"),
    )
