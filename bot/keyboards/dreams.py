"""Buttons under an analysis and in the journal."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.keyboards.billing import buy_button
from bot.keyboards.callbacks import DreamConfirm
from core.i18n import gettext_for


class DreamAction(CallbackData, prefix="dream"):
    action: str  # details | similar | delete | delete_yes | delete_no | open | analyze
    dream_id: str


class JournalPage(CallbackData, prefix="journal"):
    page: int


def analysis_keyboard(dream_id: str, locale: str, offer_buy: bool = False) -> InlineKeyboardMarkup:
    """``offer_buy``: the user has no analysis left, so the footer offers to buy more."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("🔬 Details"), callback_data=DreamAction(action="details", dream_id=dream_id)
    )
    builder.button(
        text=_("🔗 Similar dreams"), callback_data=DreamAction(action="similar", dream_id=dream_id)
    )
    builder.button(
        text=_("🗑 Delete"), callback_data=DreamAction(action="delete", dream_id=dream_id)
    )
    if offer_buy:
        builder.row(buy_button(locale))
    builder.adjust(2, 1, 1)
    return builder.as_markup()


def delete_dream_keyboard(dream_id: str, locale: str) -> InlineKeyboardMarkup:
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("Yes, delete this dream"),
        callback_data=DreamAction(action="delete_yes", dream_id=dream_id),
    )
    builder.button(
        text=_("Cancel, keep it"),
        callback_data=DreamAction(action="delete_no", dream_id=dream_id),
    )
    builder.adjust(2)
    return builder.as_markup()


def confirm_dream_keyboard(dream_id: str, locale: str) -> InlineKeyboardMarkup:
    """ "Analyse as a dream" / "No" under a message the bot was not sure about."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("🔮 Analyse as a dream"), callback_data=DreamConfirm(answer="yes", dream_id=dream_id)
    )
    builder.button(text=_("No"), callback_data=DreamConfirm(answer="no", dream_id=dream_id))
    builder.adjust(2)
    return builder.as_markup()


def journal_keyboard(
    entries: list[tuple[str, str]], page: int, has_next: bool, locale: str
) -> InlineKeyboardMarkup:
    """One button per dream (id, label), then ◀️ / ▶️ for the neighbouring pages."""
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    for dream_id, label in entries:
        builder.button(text=label, callback_data=DreamAction(action="open", dream_id=dream_id))
    nav = 0
    if page > 0:
        builder.button(text=_("◀️ Newer"), callback_data=JournalPage(page=page - 1))
        nav += 1
    if has_next:
        builder.button(text=_("Older ▶️"), callback_data=JournalPage(page=page + 1))
        nav += 1
    builder.adjust(*([1] * len(entries)), *([nav] if nav else []))
    return builder.as_markup()


def retry_keyboard(dream_id: str, locale: str) -> InlineKeyboardMarkup:
    _ = gettext_for(locale)
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("🔮 Analyse this dream"),
        callback_data=DreamAction(action="analyze", dream_id=dream_id),
    )
    return builder.as_markup()
