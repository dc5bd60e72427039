"""A bot that stops while it is answering still sends the answer, then closes its session.

aiogram's polling does not wait for the updates it is handling; the product does (bounded), so a
restart does not swallow a reply nor leave an HTTP session open behind the closed one.
"""

from __future__ import annotations

from pathlib import Path

from tests.bot.harness import running_product

CHAT = 4711


async def test_a_reply_held_up_by_flood_control_is_sent_before_the_bot_stops(
    tmp_path: Path,
) -> None:
    async with running_product(tmp_path) as product:
        tg, bot = product.tg, product.runtime.bot
        tg.fail_next("sendMessage", 429, retry_after=1)
        mark = tg.mark()
        tg.push_command(CHAT, "help")
        await tg.wait_for("sendMessage", lambda call: not call.ok, after=mark)
        # Leaving the block stops the product while the handler waits out the 429.

    answers = [call for call in tg.calls("sendMessage")[-2:] if call.ok]
    assert [call.params["chat_id"] for call in answers] == [CHAT]
    assert bot is not None
    http = bot.session._session
    assert http is None or http.closed, "a handler reopened the Bot API session after close"
