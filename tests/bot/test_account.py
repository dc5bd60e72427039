"""/stats sends the h-profile picture with a two-line reading, /export the file, /delete_me
asks first and then erases everything."""

from __future__ import annotations

import json

from core.db.models import Dream, User
from tests.bot.harness import Product, button
from tests.miniapp.harness import analysed_dream

CHAT = 6006
DREAM = "I was swimming in dark water near my old school and a dog followed me along the shore."


async def _user_with_a_dream(product: Product) -> User:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start")
    await tg.wait_for("sendMessage", after=mark)
    user = await User.get(telegram_id=CHAT)
    await analysed_dream(user, DREAM)
    return user


async def test_stats_sends_the_chart_with_a_two_line_reading(product: Product) -> None:
    await _user_with_a_dream(product)
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "stats")
    photo = await tg.wait_for("sendPhoto", after=mark)
    caption = photo.params["caption"]
    assert len(caption.splitlines()) == 2
    assert "norms" in caption and "too few" in caption


async def test_stats_without_dreams_says_how_to_start(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "stats")
    reply = await tg.wait_for("sendMessage", after=mark)
    assert "first analysed dream" in reply.params["text"]


async def test_export_sends_everything_as_a_file(product: Product) -> None:
    await _user_with_a_dream(product)
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "export")
    document = await tg.wait_for("sendDocument", after=mark)
    exported = json.loads(document.upload("document"))
    assert [d["text"] for d in exported["dreams"]] == [DREAM]
    assert exported["dreams"][0]["analyses"][0]["interpretation"]


async def test_delete_me_asks_then_erases(product: Product) -> None:
    await _user_with_a_dream(product)
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "delete_me")
    ask = await tg.wait_for("sendMessage", after=mark)
    assert await User.exists(telegram_id=CHAT)  # nothing happens before the confirmation
    mark = tg.mark()
    tg.push_callback(CHAT, ask.result["message_id"], button(ask, "Yes, delete everything"))
    await tg.wait_for("editMessageText", after=mark)
    assert not await User.exists(telegram_id=CHAT)
    assert await Dream.all().count() == 0
