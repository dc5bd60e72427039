"""Only dreams are analysed: conversation is answered and costs nothing, and when the bot is not
sure it asks first. Through the real bot and the fake Bot API server."""

from __future__ import annotations

from core.db.models import Dream, DreamStatus, Transaction, User
from tests.bot.harness import Product, button
from tests.fakes.telegram_state import Call

CHAT = 4004
DREAM = (
    "I was walking along a river with my brother. The water was clear and we saw big fish, "
    "then a storm came and we ran to our grandmother's house."
)
UNSURE = "Something strange with a blue car."


def is_result(call: Call) -> bool:
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


async def _reply(product: Product, text: str) -> str:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, text)
    return str((await tg.wait_for("sendMessage", after=mark, timeout=30)).params["text"])


async def test_greeting_question_and_thanks_are_answered_and_the_free_analysis_stays(
    product: Product,
) -> None:
    greeting = await _reply(product, "Hello! What can you do for me exactly?")
    assert "I analyse dreams" in greeting and "Your first analysis is free." in greeting
    question = await _reply(product, "How much does an analysis cost?")
    assert "/help" in question and "tell it to me in a message" in question
    thanks = await _reply(product, "Thank you!")
    assert "You're welcome" in thanks

    user = await User.get(telegram_id=CHAT)
    assert user.free_dream_used is False
    assert await Dream.filter(user_id=user.id).count() == 0, "conversation is not a journal entry"
    assert await Transaction.filter(user_id=user.id).count() == 0

    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, DREAM)
    await tg.wait_for("sendMessage", is_result, timeout=30, after=mark)
    await product.analyses_settled(CHAT)
    user = await User.get(telegram_id=CHAT)
    assert user.free_dream_used is True
    assert await Dream.filter(user_id=user.id, status=DreamStatus.ANALYZED).count() == 1


async def test_when_unsure_the_bot_asks_and_waits_and_yes_analyses(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, UNSURE)
    ask = await tg.wait_for("sendMessage", after=mark, timeout=30)
    assert "not sure this is a dream" in ask.params["text"]
    user = await User.get(telegram_id=CHAT)
    waiting = await Dream.get(user_id=user.id)
    assert waiting.status == DreamStatus.AWAITING_CONFIRMATION
    assert user.free_dream_used is False

    mark = tg.mark()
    tg.push_callback(CHAT, ask.result["message_id"], button(ask, "🔮 Analyse as a dream"))
    await tg.wait_for("sendMessage", is_result, timeout=30, after=mark)
    await product.analyses_settled(CHAT)
    user = await User.get(telegram_id=CHAT)
    assert user.free_dream_used is True
    assert (await Dream.get(id=waiting.id)).status == DreamStatus.ANALYZED


async def test_no_forgets_the_text_and_charges_nothing(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, UNSURE)
    ask = await tg.wait_for("sendMessage", after=mark, timeout=30)

    mark = tg.mark()
    tg.push_callback(CHAT, ask.result["message_id"], button(ask, "No"))
    edited = await tg.wait_for("editMessageText", after=mark, timeout=30)
    assert "haven't analysed or kept it" in edited.params["text"]
    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id).count() == 0
    assert user.free_dream_used is False
