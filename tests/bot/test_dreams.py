"""A dream sent as text is analysed end to end through the real bot, paid exactly once."""

from __future__ import annotations

from core.db.models import Dream, DreamAnalysis, DreamStatus, Transaction, User
from tests.bot.harness import Product

CHAT = 2002
DREAM = (
    "I was swimming in a dark lake near my grandmother's house. A big snake followed me and I "
    "was terrified, but my brother pulled me out of the water and we laughed together."
)


def is_result(call) -> bool:  # type: ignore[no-untyped-def]
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


async def test_a_text_dream_is_analysed_with_progress_and_charged_once(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, DREAM)

    result = await tg.wait_for("sendMessage", is_result, timeout=30, after=mark)
    await product.analyses_settled(CHAT)

    edits = [c.params["text"] for c in tg.calls("editMessageText")[0:]]
    assert any("Reading your dream" in text for text in edits)
    assert any("Writing your interpretation" in text for text in edits)
    assert tg.calls("sendChatAction"), "the user sees the bot typing while it works"
    text = result.params["text"]
    assert "Symbols" in text and "snake" in text.lower()
    assert "What the dream contains" in text
    assert "The moon that night" in text
    buttons = [b["text"] for row in result.params["reply_markup"]["inline_keyboard"] for b in row]
    # The free analysis was the last one: the footer offers more.
    assert buttons == ["🔬 Details", "🔗 Similar dreams", "🗑 Delete", "⭐ Buy analyses"]

    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    analysis = await DreamAnalysis.get(dream_id=dream.id)
    assert dream.status == DreamStatus.ANALYZED
    assert analysis.model_used == "offline"
    assert "snake" in analysis.symbols
    assert user.free_dream_used is True
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_the_same_update_twice_gives_one_dream(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    update = tg.push_message(CHAT, DREAM)
    tg.push_raw(update, update_id=update["update_id"])
    await tg.wait_for("sendMessage", is_result, timeout=30, after=mark)
    await product.analyses_settled(CHAT)

    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id).count() == 1
    assert len([c for c in tg.calls("sendMessage") if is_result(c)]) == 1


async def test_a_failure_before_delivery_charges_nothing_and_keeps_the_dream(
    product: Product,
) -> None:
    analyzer = product.runtime.services.analyzer

    class BrokenInterpreter:
        name = "broken"

        async def interpret(self, context: object) -> None:
            raise RuntimeError("the interpreter fell over")

    analyzer.interpreter = BrokenInterpreter()  # type: ignore[assignment]
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, DREAM)

    await tg.wait_for(
        "editMessageText",
        lambda c: "nothing was charged" in c.params["text"],
        timeout=30,
        after=mark,
    )
    await product.analyses_settled(CHAT)
    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    assert dream.status == DreamStatus.FAILED and dream.text == DREAM
    assert user.free_dream_used is False
    assert await Transaction.filter(user_id=user.id).count() == 0


async def test_without_credits_the_dream_is_saved_and_nothing_is_charged(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start")
    await tg.wait_for(
        "sendMessage", lambda c: "Choose your language" in c.params["text"], after=mark
    )
    await User.filter(telegram_id=CHAT).update(free_dream_used=True, dream_balance=0)

    mark = tg.mark()
    tg.push_message(CHAT, DREAM)
    reply = await tg.wait_for("sendMessage", after=mark)

    assert "no analyses left" in reply.params["text"]
    assert reply.params["reply_markup"]["inline_keyboard"][0][0]["text"] == "⭐ Buy analyses"
    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id, status=DreamStatus.WAITING_FOR_CREDIT).count() == 1
    assert await Transaction.filter(user_id=user.id).count() == 0
