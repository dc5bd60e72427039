"""/journal through the real bot: searching by a word, and deleting with a way back."""

from __future__ import annotations

from core.db.models import Dream, DreamStatus, User
from tests.bot.harness import Product, button

CHAT = 3003


async def _user_with_dreams(product: Product) -> User:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, "/settings")
    await tg.wait_for("sendMessage", after=mark, timeout=30)
    user = await User.get(telegram_id=CHAT)
    for text in (
        "I was on a boat and two whales swam beside it.",
        "A whale sang to me in the dark.",
        "I was late for an exam and could not find the room.",
    ):
        await Dream.create(user=user, text=text, status=DreamStatus.ANALYZED)
    return user


async def test_journal_with_a_word_lists_only_the_dreams_that_mention_it(product: Product) -> None:
    await _user_with_dreams(product)
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, "/journal whales")

    reply = await tg.wait_for("sendMessage", after=mark, timeout=30)
    text = reply.params["text"]
    assert "whales swam" in text and "whale sang" in text
    assert "exam" not in text
    labels = [b["text"] for row in reply.params["reply_markup"]["inline_keyboard"] for b in row]
    assert len(labels) == 2


async def test_a_word_nothing_mentions_says_so(product: Product) -> None:
    await _user_with_dreams(product)
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, "/journal dragons")
    reply = await tg.wait_for("sendMessage", after=mark, timeout=30)
    assert "No dream in your journal mentions «dragons»" in reply.params["text"]


async def test_delete_can_be_cancelled_and_the_dream_stays(product: Product) -> None:
    user = await _user_with_dreams(product)
    dream = await Dream.filter(user_id=user.id).first()
    assert dream is not None
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, "/journal")
    listing = await tg.wait_for("sendMessage", after=mark, timeout=30)
    mark = tg.mark()
    tg.push_callback(CHAT, listing.result["message_id"], f"dream:delete:{dream.id}")
    ask = await tg.wait_for("sendMessage", after=mark, timeout=30)
    assert "Delete this dream" in ask.params["text"]

    mark = tg.mark()
    tg.push_callback(CHAT, ask.result["message_id"], button(ask, "Cancel, keep it"))
    kept = await tg.wait_for("editMessageText", after=mark, timeout=30)
    assert "Nothing was deleted" in kept.params["text"]
    assert await Dream.filter(id=dream.id).exists()
