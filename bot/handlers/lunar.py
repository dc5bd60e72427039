"""/lunar (today's lunar day for the user's place) and /calendar (the month as a picture)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InputMediaPhoto, Message
from aiogram.utils.i18n import I18n, get_i18n
from aiogram.utils.i18n import gettext as _

from bot.keyboards.lunar import CalendarPage, calendar_keyboard
from core.db.models import User
from core.dreams.moon_stats import moon_and_my_dreams
from core.lunar.calendar_png import CalendarImage, render_month
from core.lunar.errors import LunarError
from core.lunar.names import MONTH_NAMES
from core.lunar.place_names import place_label
from core.lunar.places import Place, user_place
from core.lunar.text import cached_day_text
from core.services import Services

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="lunar")
    router.message.register(show_today, Command("lunar"))
    router.message.register(show_calendar, Command("calendar"))
    # Forged data (a month 13, a year 99999) is a stale button, not an error.
    router.callback_query.register(
        turn_month,
        CalendarPage.filter(F.month.in_(range(1, 13)) & F.year.in_(range(1900, 2101))),
    )
    return router


def _place_of(user: User) -> tuple[Place, bool]:
    return user_place(user.latitude, user.longitude, user.timezone, user.place_name)


def i18n_locale() -> str:
    """The language of the update being handled (aiogram's i18n context)."""
    return str(get_i18n().current_locale)


def _default_hint(place: Place) -> str:
    return _(
        "This is for {place}, the default for your time zone. Share your location or type "
        "your city in /settings to see the moon for your own place."
    ).format(place=place_label(place.name, i18n_locale()))


async def show_today(message: Message, user: User, services: Services, i18n: I18n) -> None:
    try:
        place, is_default = _place_of(user)
        today = datetime.now(place.zone).date()
        text = await cached_day_text(today, place, i18n.current_locale, services.cache)
    except LunarError as error:
        await message.answer(error.localized(i18n.current_locale))
        return
    if is_default:
        text += "\n\n" + _default_hint(place)
    text += "\n\n" + _("The moon and your dreams: {finding}").format(
        finding=await moon_and_my_dreams(user)
    )
    await message.answer(text, parse_mode=None)


def _caption(year: int, month: int, place: Place, is_default: bool) -> str:
    title = _("Lunar calendar: {month} {year}, {place}").format(
        month=_(MONTH_NAMES[month - 1]), year=year, place=place_label(place.name, i18n_locale())
    )
    return title + ("\n" + _default_hint(place) if is_default else "")


async def _picture(year: int, month: int, place: Place, locale: str) -> CalendarImage:
    today = datetime.now(place.zone).date()
    return await asyncio.to_thread(render_month, year, month, place, locale, today)


async def show_calendar(message: Message, user: User, i18n: I18n) -> None:
    try:
        place, is_default = _place_of(user)
        today = datetime.now(place.zone).date()
        image = await _picture(today.year, today.month, place, i18n.current_locale)
    except LunarError as error:
        await message.answer(error.localized(i18n.current_locale))
        return
    await message.answer_photo(
        BufferedInputFile(image.png, f"lunar-{today:%Y-%m}.png"),
        caption=_caption(today.year, today.month, place, is_default),
        parse_mode=None,
        reply_markup=calendar_keyboard(today.year, today.month),
    )


async def turn_month(
    query: CallbackQuery, callback_data: CalendarPage, user: User, i18n: I18n
) -> None:
    year, month = callback_data.year, callback_data.month
    try:
        place, is_default = _place_of(user)
        image = await _picture(year, month, place, i18n.current_locale)
    except LunarError as error:
        await query.answer(error.localized(i18n.current_locale), show_alert=True)
        return
    await query.answer()
    photo = BufferedInputFile(image.png, f"lunar-{year:04d}-{month:02d}.png")
    caption = _caption(year, month, place, is_default)
    keyboard = calendar_keyboard(year, month)
    if isinstance(query.message, Message):
        try:
            await query.message.edit_media(
                InputMediaPhoto(media=photo, caption=caption, parse_mode=None),
                reply_markup=keyboard,
            )
            return
        except TelegramBadRequest as error:  # e.g. the message can no longer be edited
            log.info("calendar page sent anew: %s", error.message)
    if query.bot is not None:
        await query.bot.send_photo(
            query.from_user.id, photo, caption=caption, parse_mode=None, reply_markup=keyboard
        )
