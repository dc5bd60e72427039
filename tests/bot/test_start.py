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
    reply = await tg.wait_for("editMessageText", after=mark)

    assert reply.params["text"].startswith("Язык: Русский.")
    assert not [
        c for c in tg.calls("sendMessage")[mark:] if "Добро пожаловать" in c.params["text"]
    ], "the whole welcome is not sent again"
    user = await User.get(telegram_id=CHAT)
    assert (user.language, user.language_chosen) == ("ru", True)


async def test_a_returning_user_who_used_the_free_analysis_is_not_promised_one(
    product: Product,
) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start", language_code="en")
    await tg.wait_for(
        "sendMessage", lambda c: "Choose your language" in c.params["text"], after=mark
    )
    await User.filter(telegram_id=CHAT).update(free_dream_used=True, dream_balance=0)

    mark = tg.mark()
    tg.push_command(CHAT, "start", language_code="en")
    welcome = await tg.wait_for("sendMessage", lambda c: "Welcome" in c.params["text"], after=mark)
    assert "Your first analysis is free." not in welcome.params["text"]
    assert "Your free analysis has been used." in welcome.params["text"]
