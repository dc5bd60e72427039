"""/settings round-trips the user's choices into the database."""

from __future__ import annotations

import pytest

from bot.keyboards.callbacks import SettingsAction, SexChoice
from core.db.models import Sex, User
from tests.bot.harness import Product, button

CHAT = 4004


async def _open_settings(product: Product):  # type: ignore[no-untyped-def]
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "settings")
    return await tg.wait_for("sendMessage", lambda c: "Settings" in c.params["text"], after=mark)


async def _ask_for_place(product: Product) -> None:
    """/settings → "Place and time zone": the bot asks for a location or a city."""
    tg = product.tg
    settings = await _open_settings(product)
    mark = tg.mark()
    tg.push_callback(
        CHAT, settings.result["message_id"], button(settings, "📍 Place and time zone")
    )
    await tg.wait_for(
        "sendMessage", lambda c: "Share your location" in c.params["text"], after=mark
    )


async def test_settings_language_change_is_saved(product: Product) -> None:
    tg = product.tg
    settings = await _open_settings(product)
    mark = tg.mark()
    tg.push_callback(CHAT, settings.result["message_id"], button(settings, "🌐 Language"))
    choose = await tg.wait_for("sendMessage", after=mark)

    mark = tg.mark()
    tg.push_callback(CHAT, choose.result["message_id"], button(choose, "Русский"))
    await tg.wait_for("sendMessage", lambda c: "Добро пожаловать" in c.params["text"], after=mark)

    assert (await User.get(telegram_id=CHAT)).language == "ru"
    mark = tg.mark()
    tg.push_command(CHAT, "settings")
    reply = await tg.wait_for("sendMessage", after=mark)
    assert "Настройки" in reply.params["text"]


async def test_settings_sex_for_norms_is_saved(product: Product) -> None:
    tg = product.tg
    settings = await _open_settings(product)
    mark = tg.mark()
    tg.push_callback(CHAT, settings.result["message_id"], button(settings, "⚧ Sex for the norms"))
    ask = await tg.wait_for("sendMessage", after=mark)
    mark = tg.mark()
    tg.push_callback(CHAT, ask.result["message_id"], button(ask, "Female"))
    await tg.wait_for("editMessageText", after=mark)

    assert (await User.get(telegram_id=CHAT)).sex == Sex.FEMALE


async def test_a_typed_city_sets_place_and_time_zone(product: Product) -> None:
    tg = product.tg
    await _ask_for_place(product)

    mark = tg.mark()
    tg.push_message(CHAT, "Новосибирск")
    saved = await tg.wait_for("sendMessage", after=mark, timeout=15)

    assert "Asia/Novosibirsk" in saved.params["text"]
    user = await User.get(telegram_id=CHAT)
    assert user.timezone == "Asia/Novosibirsk" and round(user.latitude or 0) == 55


async def test_an_unknown_city_gets_a_clear_reply(product: Product) -> None:
    tg = product.tg
    await _ask_for_place(product)

    mark = tg.mark()
    tg.push_message(CHAT, "Qwzxvbnm")
    reply = await tg.wait_for("sendMessage", after=mark, timeout=15)
    assert "No city called" in reply.params["text"]
    assert (await User.get(telegram_id=CHAT)).latitude is None


async def test_a_shared_location_sets_place_and_time_zone(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_location(CHAT, -33.87, 151.21)
    saved = await tg.wait_for("sendMessage", after=mark, timeout=15)

    assert "Australia/Sydney" in saved.params["text"]
    user = await User.get(telegram_id=CHAT)
    assert (user.latitude, user.longitude, user.timezone) == (-33.87, 151.21, "Australia/Sydney")


@pytest.mark.parametrize(
    "data", [SexChoice(value="female").pack(), SettingsAction(action="back").pack()]
)
async def test_a_button_on_a_message_too_old_to_edit_answers_with_a_new_message(
    product: Product, data: str
) -> None:
    """Regression: a tap on a message older than 48 hours (an ``InaccessibleMessage``) raised
    on ``edit_text`` and the user got an apology instead of their settings."""
    tg = product.tg
    mark, edits_before = tg.mark(), len(tg.calls("editMessageText"))
    tg.push_callback(CHAT, 987_654, data)  # a message the bot can no longer see

    reply = await tg.wait_for("sendMessage", after=mark)

    assert "Settings" in reply.params["text"]
    assert len(tg.calls("editMessageText")) == edits_before
    if data.startswith("sex:"):
        assert (await User.get(telegram_id=CHAT)).sex == Sex.FEMALE
