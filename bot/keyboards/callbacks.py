"""Callback data of the bot's inline buttons (typed, prefixed, small enough for Telegram's 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class LanguageChoice(CallbackData, prefix="lang"):
    code: str


class SettingsAction(CallbackData, prefix="set"):
    action: str  # language | sex | place | delete | delete_confirm | back


class SexChoice(CallbackData, prefix="sex"):
    value: str


class DreamConfirm(CallbackData, prefix="isdream"):
    """The answer to "Analyse this as a dream?" for a message kept in awaiting_confirmation."""

    answer: str  # yes | no
    dream_id: str
