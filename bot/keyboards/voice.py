"""Buttons under a transcript: analyse it, correct it, or cancel."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import gettext_for


class VoiceAction(CallbackData, prefix="voice"):
    action: str  # analyse | edit | cancel
    dream_id: str


def transcript_keyboard(dream_id: str, locale: str) -> InlineKeyboardMarkup:
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("🔮 Analyse"), callback_data=VoiceAction(action="analyse", dream_id=dream_id)
    )
    builder.button(text=_("✏️ Edit"), callback_data=VoiceAction(action="edit", dream_id=dream_id))
    builder.button(
        text=_("✖ Cancel"), callback_data=VoiceAction(action="cancel", dream_id=dream_id)
    )
    builder.adjust(3)
    return builder.as_markup()


class VoiceLanguageChoice(CallbackData, prefix="vlang"):
    code: str  # auto | en | ru


def voice_language_keyboard(current: str, locale: str) -> InlineKeyboardMarkup:
    """Detect / English / Русский, the current choice marked."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    names = {"auto": _("🔎 Detect"), "en": "English", "ru": "Русский"}
    for code, name in names.items():
        mark = "✓ " if code == current else ""
        builder.button(text=f"{mark}{name}", callback_data=VoiceLanguageChoice(code=code))
    builder.adjust(3)
    return builder.as_markup()
