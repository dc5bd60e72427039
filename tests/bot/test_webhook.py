"""With PUBLIC_URL set the bot runs in webhook mode behind the web app, secret-checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import ClientSession

from bot.webhook import SECRET_HEADER, WebhookConfigError, derive_webhook_secret
from core.db.models import User
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


async def test_forged_or_missing_secret_changes_nothing(tmp_path: Path) -> None:
    """Regression: a forged "delete my account" button press with no secret deleted a user."""
    async with running_product(
        tmp_path, PUBLIC_URL="https://oneiroscope.example", WEBHOOK_SECRET="s3cret-token"
    ) as product:
        tg = product.tg
        endpoint = f"{product.runtime.site_url}/telegram/webhook"
        mark = tg.mark()
        assert (await tg.deliver_webhook(endpoint, tg.push_command(CHAT, "start"))).status == 200
        await tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == CHAT, after=mark)
        assert await User.exists(telegram_id=CHAT)
        mark = tg.mark()
        for secret in ("", "wrong", "s3cret-token-but-longer", "S3CRET-TOKEN"):
            forged = tg.push_callback(CHAT, 1, "set:delete_confirm")
            assert (await tg.deliver_webhook(endpoint, forged, secret)).status == 401
        assert await User.exists(telegram_id=CHAT), "a forged update must change nothing"
        assert tg.calls()[mark:] == [], "the bot must not act on a forged update"


async def test_webhook_without_a_configured_secret_runs_with_one_derived_from_the_token(
    tmp_path: Path,
) -> None:
    async with running_product(tmp_path, PUBLIC_URL="https://oneiroscope.example") as product:
        tg = product.tg
        secret = tg.calls("setWebhook")[-1].params.get("secret_token")
        assert secret == derive_webhook_secret(tg.token)
        endpoint = f"{product.runtime.site_url}/telegram/webhook"
        assert (
            await tg.deliver_webhook(endpoint, tg.push_command(CHAT, "start"), "")
        ).status == 401
        reply = await tg.deliver_webhook(endpoint, tg.push_command(CHAT, "start"), secret)
        assert reply.status == 200


@pytest.mark.parametrize("secret", ["has space", "x" * 257, "semi;colon"])
async def test_an_unusable_webhook_secret_refuses_to_start(tmp_path: Path, secret: str) -> None:
    with pytest.raises(WebhookConfigError, match="WEBHOOK_SECRET"):
        async with running_product(
            tmp_path, PUBLIC_URL="https://oneiroscope.example", WEBHOOK_SECRET=secret
        ):
            pass


async def test_malformed_webhook_bodies_get_a_clean_400(tmp_path: Path) -> None:
    async with running_product(
        tmp_path, PUBLIC_URL="https://oneiroscope.example", WEBHOOK_SECRET="s3cret-token"
    ) as product:
        endpoint = f"{product.runtime.site_url}/telegram/webhook"
        headers = {SECRET_HEADER: "s3cret-token"}
        bodies: list[tuple[bytes, str]] = [
            (b"not json at all", "text/plain"),
            (b"[" * 100_000 + b"]" * 100_000, "application/json"),
            (b"update_id=1&message=hi", "application/x-www-form-urlencoded"),
            (b"[1, 2, 3]", "application/json"),
            (b'{"update_id": "x"}', "application/json"),
            (b'{"update_id": 1, "message": {"chat": 5}}', "application/json"),
            (b"\xff\xfe\x00", "application/json"),
            (b"", "application/json"),
        ]
        async with ClientSession() as http:
            for body, content_type in bodies:
                headers["Content-Type"] = content_type
                async with http.post(endpoint, data=body, headers=headers) as response:
                    assert response.status == 400, body[:40]
            async with http.get(endpoint) as response:
                assert response.status == 405
