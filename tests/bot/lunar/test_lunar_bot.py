"""/lunar and /calendar as a user sees them, in Russian and English, through the fake Bot API."""

from __future__ import annotations

import io
from datetime import date, datetime

from PIL import Image, ImageChops

from bot.keyboards.lunar import shift_month
from core.db.models import User
from core.lunar.calendar_png import cell_box, render_month
from core.lunar.places import Place
from core.lunar.text import cached_day_text
from tests.bot.harness import Product

CHAT = 2024
MOSCOW = Place("Москва", 55.75, 37.62, "Europe/Moscow")


async def _moscow_user(language: str) -> None:
    await User.create(
        telegram_id=CHAT,
        language=language,
        language_chosen=True,
        timezone="Europe/Moscow",
        latitude=MOSCOW.lat,
        longitude=MOSCOW.lon,
        place_name=MOSCOW.name,
    )


def _png(product: Product, message: dict[str, object]) -> Image.Image:
    photo = message["photo"][-1]  # type: ignore[index]
    data = product.tg.file_bytes(photo["file_id"])
    assert data.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.size == (photo["width"], photo["height"])
    return image.convert("RGB")


async def test_lunar_shows_todays_lunar_days_for_the_users_place_in_russian(
    product: Product,
) -> None:
    await _moscow_user("ru")
    mark = product.tg.mark()
    product.tg.push_command(CHAT, "lunar", language_code="ru")
    call = await product.tg.wait_for("sendMessage", after=mark, timeout=10)

    text = call.params["text"]
    today = datetime.now(MOSCOW.zone).date()
    day_text, _, finding = text.partition("\n\nЛуна и ваши сны: ")
    assert day_text == await cached_day_text(today, MOSCOW, "ru")
    assert "Добавьте ещё 30 снов" in finding, "no claim about the moon without enough dreams"
    assert "лунный день" in text and "Фаза:" in text and "Луна в знаке " in text
    assert "Народное поверье, не наука:" in text
    assert "/settings" not in text


async def test_lunar_without_a_place_uses_the_time_zone_default_and_says_so(
    product: Product,
) -> None:
    mark = product.tg.mark()
    product.tg.push_command(CHAT, "lunar", language_code="en")
    call = await product.tg.wait_for("sendMessage", after=mark, timeout=10)

    text = call.params["text"]
    assert text.startswith("Moon on ") and "Greenwich" in text  # a new user's zone is UTC
    assert "Lunar day" in text and "Folk belief, not science:" in text
    assert "Share your location or type your city in /settings" in text


async def test_calendar_sends_this_months_picture_with_today_highlighted(
    product: Product,
) -> None:
    await _moscow_user("ru")
    mark = product.tg.mark()
    product.tg.push_command(CHAT, "calendar", language_code="ru")
    call = await product.tg.wait_for("sendPhoto", after=mark, timeout=10)

    today = datetime.now(MOSCOW.zone).date()
    message = product.tg.last_message(CHAT)
    picture = _png(product, message)
    expected = render_month(today.year, today.month, MOSCOW, "ru", today)
    assert picture.size == (expected.width, expected.height)
    plain = Image.open(io.BytesIO(render_month(today.year, today.month, MOSCOW, "ru").png))
    box = cell_box(today.year, today.month, today.day)
    assert ImageChops.difference(picture.crop(box), plain.convert("RGB").crop(box)).getbbox()
    assert call.params["caption"].startswith("Лунный календарь: ")
    buttons = message["reply_markup"]["inline_keyboard"][0]  # type: ignore[index]
    assert [b["text"][0] for b in buttons] == ["◀", buttons[1]["text"][0]]
    assert buttons[1]["text"].endswith("▶")


async def test_next_month_button_replaces_the_picture_in_english(product: Product) -> None:
    await _moscow_user("en")
    mark = product.tg.mark()
    product.tg.push_command(CHAT, "calendar", language_code="en")
    sent = await product.tg.wait_for("sendPhoto", after=mark, timeout=10)
    first = _png(product, product.tg.last_message(CHAT))

    today = datetime.now(MOSCOW.zone).date()
    year, month = shift_month(today.year, today.month, 1)
    next_button = product.tg.last_message(CHAT)["reply_markup"]["inline_keyboard"][0][1]
    mark = product.tg.mark()
    product.tg.push_callback(CHAT, sent.result["message_id"], next_button["callback_data"])
    edit = await product.tg.wait_for("editMessageMedia", after=mark, timeout=10)

    assert edit.ok
    message = product.tg.last_message(CHAT)
    assert message["message_id"] == sent.result["message_id"]
    second = _png(product, message)
    assert ImageChops.difference(
        first.crop((0, 0, first.width, 60)), second.crop((0, 0, first.width, 60))
    ).getbbox()
    assert message["caption"].startswith(f"Lunar calendar: {date(year, month, 1):%B} {year}")
    assert len(product.tg.calls("sendPhoto")) == 1


async def test_a_picture_that_cannot_be_edited_is_sent_anew(product: Product) -> None:
    await _moscow_user("en")
    mark = product.tg.mark()
    product.tg.push_command(CHAT, "calendar", language_code="en")
    sent = await product.tg.wait_for("sendPhoto", after=mark, timeout=10)
    previous = product.tg.last_message(CHAT)["reply_markup"]["inline_keyboard"][0][0]

    product.tg.fail_next("editMessageMedia", 400, "Bad Request: message can't be edited")
    mark = product.tg.mark()
    product.tg.push_callback(CHAT, sent.result["message_id"], previous["callback_data"])
    resent = await product.tg.wait_for("sendPhoto", after=mark, timeout=10)

    assert resent.ok and resent.result["message_id"] != sent.result["message_id"]
    assert resent.params["caption"].startswith("Lunar calendar: ")
