"""Webhook delivery from the fake to an aiohttp app running aiogram's SimpleRequestHandler."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiogram import Bot, Dispatcher, Router
from aiogram.methods import SendMessage
from aiogram.types import Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from tests.fakes.telegram import FakeTelegramServer

CHAT = 9
SECRET = "webhook-secret_1"


def reply_router() -> Router:
    """Answers "reply" through the webhook response and anything else through the API."""
    router = Router()

    @router.message(lambda message: message.text == "reply")
    async def in_response(message: Message) -> SendMessage:
        return message.answer("answered in the webhook response")

    @router.message()
    async def via_api(message: Message) -> None:
        await message.answer("answered with a request")

    return router


@asynccontextmanager
async def webhook_app(bot: Bot, *, in_background: bool) -> AsyncIterator[str]:
    """Serve aiogram's webhook handler on a free port; yields the webhook URL."""
    dp = Dispatcher()
    dp.include_router(reply_router())
    app = web.Application()
    handler = SimpleRequestHandler(dp, bot, secret_token=SECRET, handle_in_background=in_background)
    handler.register(app, path="/telegram")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}/telegram"
    finally:
        await runner.cleanup()


async def test_method_returned_in_webhook_response_is_executed(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    async with webhook_app(bot, in_background=False) as url:
        update = tg.push_message(CHAT, "reply")
        reply = await tg.deliver_webhook(url, update, SECRET)
    assert reply.status == 200
    assert reply.call is not None
    assert reply.call.method == "sendMessage"
    assert tg.sent_messages(CHAT) == ["answered in the webhook response"]
    assert len(tg.world.updates) == 0  # delivered by webhook, not left for getUpdates


async def test_background_webhook_handler_calls_the_api(tg: FakeTelegramServer, bot: Bot) -> None:
    async with webhook_app(bot, in_background=True) as url:
        mark = tg.mark()
        reply = await tg.deliver_webhook(url, tg.push_message(CHAT, "hello"), SECRET)
        call = await tg.wait_for("sendMessage", after=mark)
    assert (reply.status, reply.call) == (200, None)
    assert call.params["text"] == "answered with a request"


async def test_webhook_with_a_wrong_secret_is_refused(tg: FakeTelegramServer, bot: Bot) -> None:
    async with webhook_app(bot, in_background=False) as url:
        reply = await tg.deliver_webhook(url, tg.push_message(CHAT, "reply"), "wrong")
    assert reply.status == 401
    assert tg.calls("sendMessage") == []


async def test_webhook_secret_defaults_to_the_one_set_with_set_webhook(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    await bot.set_webhook("https://bot.example/telegram", secret_token=SECRET)
    async with webhook_app(bot, in_background=False) as url:
        reply = await tg.deliver_webhook(url, tg.push_message(CHAT, "reply"))
        refused = await tg.deliver_webhook(url, tg.push_message(CHAT, "reply"), "")
    assert (reply.status, refused.status) == (200, 401)
