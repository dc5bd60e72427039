"""With PUBLIC_URL set the bot runs in webhook mode behind the web app, secret-checked."""

from __future__ import annotations

from pathlib import Path

from tests.bot.harness import running_product

CHAT = 5005


async def test_webhook_mode_answers_start_and_rejects_a_wrong_secret(tmp_path: Path) -> None:
    async with running_product(
        tmp_path, PUBLIC_URL="https://oneiroscope.example", WEBHOOK_SECRET="s3cret-token"
    ) as product:
        tg = product.tg
        webhook = tg.calls("setWebhook")[-1].params
        assert webhook["url"] == "https://oneiroscope.example/telegram/webhook"
        endpoint = f"{product.runtime.site_url}/telegram/webhook"

        forged = await tg.deliver_webhook(endpoint, tg.push_command(CHAT, "start"), "wrong")
        assert forged.status == 401

        mark = tg.mark()
        reply = await tg.deliver_webhook(endpoint, tg.push_command(CHAT, "start"), "s3cret-token")
        assert reply.status == 200
        welcome = await tg.wait_for(
            "sendMessage", lambda c: "Welcome to OneiroScope" in c.params["text"], after=mark
        )
        assert welcome.params["chat_id"] == CHAT
        assert not tg.calls("getUpdates"), "no long polling in webhook mode"
