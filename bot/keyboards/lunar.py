"""Inline buttons of the lunar calendar picture: the previous and the next month."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from core.lunar.astro import MAX_DATE, MIN_DATE
from core.lunar.names import MONTH_NAMES


class CalendarPage(CallbackData, prefix="lcal"):
    year: int
    month: int


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month ``step`` months away from ``year``-``month``."""
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def _in_range(year: int) -> bool:
    return MIN_DATE.year <= year <= MAX_DATE.year


def calendar_keyboard(year: int, month: int) -> InlineKeyboardMarkup:
    """◀ previous month · next month ▶ (only within the supported 1900-2100)."""
    buttons = []
    prev_year, prev_month = shift_month(year, month, -1)
    if _in_range(prev_year):
        buttons.append(
            InlineKeyboardButton(
                text="◀ " + _(MONTH_NAMES[prev_month - 1]),
                callback_data=CalendarPage(year=prev_year, month=prev_month).pack(),
            )
        )
    next_year, next_month = shift_month(year, month, 1)
    if _in_range(next_year):
        buttons.append(
            InlineKeyboardButton(
                text=_(MONTH_NAMES[next_month - 1]) + " ▶",
                callback_data=CalendarPage(year=next_year, month=next_month).pack(),
            )
        )
    return InlineKeyboardMarkup(inline_keyboard=[buttons])
