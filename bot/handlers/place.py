"""Where the user sleeps: a shared location or a typed city sets their place and time zone
(the lunar day depends on the place; dates and times are shown in the zone)."""

from __future__ import annotations

import asyncio
from html import escape

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram.utils.i18n import gettext as _

from bot.handlers.dreams import receive_dream
from bot.keyboards.callbacks import SettingsAction
from bot.keyboards.settings import location_request_keyboard
from core.db.models import User
from core.lunar import LunarError, Place, resolve_city
from core.lunar.place_names import place_label
from core.lunar.places import nearest_place
from core.services import Services
from core.users import set_place

#: Longer answers to "type your city" are dreams, not city names.
MAX_CITY_WORDS = 6


class PlaceForm(StatesGroup):
    waiting = State()


def create_router() -> Router:
    router = Router(name="place")
    router.message.filter(F.chat.type == "private")
    router.callback_query.register(ask_place, SettingsAction.filter(F.action == "place"))
    router.message.register(place_from_location, F.location)
    router.message.register(place_from_city, PlaceForm.waiting, F.text, ~F.text.startswith("/"))
    return router


async def ask_place(query: CallbackQuery, state: FSMContext) -> None:
    await query.answer()
    await state.set_state(PlaceForm.waiting)
    if query.message is not None:
        await query.message.answer(
            _(
                "Share your location with the button below, or type the name of your city. "
                "The lunar day depends on where you sleep; your time zone comes with it."
            ),
            reply_markup=location_request_keyboard(),
        )


async def _save(message: Message, user: User, place: Place, state: FSMContext) -> None:
    await set_place(
        user, latitude=place.lat, longitude=place.lon, timezone=place.tz, place_name=place.name
    )
    await state.clear()
    await message.answer(
        _("Saved: {place} (time zone {timezone}).").format(
            place=escape(place_label(place.name, user.language)), timezone=escape(place.tz)
        ),
        reply_markup=ReplyKeyboardRemove(),
    )


async def place_from_location(message: Message, user: User, state: FSMContext) -> None:
    location = message.location
    assert location is not None  # the F.location filter guarantees it
    try:
        # The first lookup builds the city index (about 2 s): keep the event loop free.
        place = await asyncio.to_thread(nearest_place, location.latitude, location.longitude)
    except LunarError as error:
        await message.answer(error.localized(user.language))
        return
    await _save(message, user, place, state)


async def place_from_city(
    message: Message, user: User, state: FSMContext, services: Services
) -> None:
    if len((message.text or "").split()) > MAX_CITY_WORDS:
        # Not a city name: the user moved on and is telling a dream.
        await state.clear()
        await receive_dream(message, user, services)
        return
    try:
        place = await asyncio.to_thread(resolve_city, message.text or "")
    except LunarError as error:
        await message.answer(error.localized(user.language))
        return
    await _save(message, user, place, state)
