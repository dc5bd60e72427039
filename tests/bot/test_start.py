"""/start greets a new user in their language and creates them; the language choice sticks."""

from __future__ import annotations

from core.db.models import User
from tests.bot.harness import Product

CHAT = 1001


async def test_start_welcomes_a_new_english_user_and_creates_them(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start", language_code="en")
    await tg.wait_for(
        "sendMessage", lambda c: "Choose your language" in c.params["text"], after=mark
    )

    texts = tg.sent_messages(CHAT)
    assert "Welcome to OneiroScope" in texts[0]
    assert "Your first analysis is free." in texts[0]
    assert "never shown to anyone else" in texts[0]
    user = await User.get(telegram_id=CHAT)
    assert user.language == "en"


async def test_start_welcomes_a_russian_speaking_user_in_russian(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start", language_code="ru")
    await tg.wait_for("sendMessage", lambda c: "Выберите язык" in c.params["text"], after=mark)

    welcome = tg.sent_messages(CHAT)[0]
    assert "Добро пожаловать в СоноГраф" in welcome
    assert "Первый анализ — бесплатно." in welcome
    assert (await User.get(telegram_id=CHAT)).language == "ru"


async def test_choosing_a_language_is_saved_and_answered_in_it(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start", language_code="en")
    choose = await tg.wait_for(
        "sendMessage", lambda c: "Choose your language" in c.params["text"], after=mark
    )

    mark = tg.mark()
    tg.push_callback(CHAT, choose.result["message_id"], "lang:ru")
    await tg.wait_for("answerCallbackQuery", after=mark)
    reply = await tg.wait_for("sendMessage", after=mark)

    assert "Добро пожаловать" in reply.params["text"]
    user = await User.get(telegram_id=CHAT)
    assert (user.language, user.language_chosen) == ("ru", True)
