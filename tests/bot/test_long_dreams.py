"""A dream split by Telegram into several messages becomes one dream, analysed and paid once."""

from __future__ import annotations

from core.db.models import Dream, Transaction, User
from tests.bot.harness import Product, button
from tests.fakes.telegram_state import Call

CHAT = 6006
PART_ONE = (
    "I was walking through a huge old house with my mother, opening door after door. " * 48
)[:4000]
PART_TWO = "At the end I found a garden with a lake, and I felt calm and happy for the first time."


async def test_a_dream_in_two_parts_is_one_dream_and_one_credit(product: Product) -> None:
    tg = product.tg
    await _send_part(product, PART_ONE, 1)
    second = await _send_part(product, PART_TWO, 2)

    mark = tg.mark()
    tg.push_callback(CHAT, second.result["message_id"], button(second, "🔮 Analyse"))
    await tg.wait_for(
        "sendMessage", lambda c: "Interpreted by" in c.params["text"], after=mark, timeout=30
    )
    await product.analyses_settled(CHAT)

    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    assert dream.text == PART_ONE + "\n" + PART_TWO
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_a_discarded_draft_saves_nothing(product: Product) -> None:
    tg = product.tg
    prompt = await _send_part(product, PART_ONE, 1)

    mark = tg.mark()
    tg.push_callback(CHAT, prompt.result["message_id"], button(prompt, "✖ Discard"))
    edit = await tg.wait_for("editMessageText", after=mark)

    assert "Nothing was saved" in edit.params["text"]
    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id).count() == 0


async def _send_part(product: Product, text: str, parts: int) -> Call:
    """Send one part of a long dream; the draft's "Parts received: N" reply."""
    mark = product.tg.mark()
    product.tg.push_message(CHAT, text)
    return await product.tg.wait_for(
        "sendMessage", lambda c: f"Parts received: {parts}" in c.params["text"], after=mark
    )
