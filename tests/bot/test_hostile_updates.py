"""Updates a fuzzer or a hostile client sends: each gets a polite answer or is dropped, none
reaches the error handler, and the next honest update is served as usual."""

from __future__ import annotations

import logging

import pytest

from core.db.models import Dream, User
from tests.bot.harness import Product
from tests.fakes.telegram_updates import tg_user

CHAT = 7007
DREAM = "I was walking through an old house with my sister and we found a hidden garden."


async def _served_after(product: Product, caplog: pytest.LogCaptureFixture) -> None:
    """The next ordinary update is answered, and nothing before it hit the error handler."""
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "help")
    await tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == CHAT, after=mark)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]


async def test_a_message_from_a_bot_account_is_ignored(
    product: Product, caplog: pytest.LogCaptureFixture
) -> None:
    sender = {**tg_user(CHAT), "is_bot": True}
    product.tg.push_message(CHAT, DREAM, user=sender)
    await _served_after(product, caplog)
    assert await Dream.all().count() == 0


async def test_a_nul_byte_in_a_name_does_not_lock_the_user_out(
    product: Product, caplog: pytest.LogCaptureFixture
) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_message(CHAT, "/start", user=tg_user(CHAT, "Ann\x00a\x07"))
    # /start answered first: updates of one chat may be handled concurrently, and the name is
    # stored by the update that carries it
    await tg.wait_for("sendMessage", lambda c: c.params["chat_id"] == CHAT, after=mark)
    await _served_after(product, caplog)
    user = await User.get(telegram_id=CHAT)
    assert user.first_name == "Anna"


@pytest.mark.parametrize(
    "data",
    [
        "lang:xx",
        "lang:",
        "lcal:99999:1",
        "lcal:2025:13",
        "lcal:2025:0",
        "journal:99999999999999999999999",
        "journal:-5",
        "dream:open:not-a-uuid",
        "set:nonsense",
        "sex:alien",
        "garbage-without-prefix",
        "draft:analyse",
    ],
)
async def test_forged_callback_data_is_a_stale_button(
    product: Product, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    tg = product.tg
    tg.push_command(CHAT, "start")
    mark = tg.mark()
    tg.push_callback(CHAT, 1, data)
    await tg.wait_for("answerCallbackQuery", after=mark)
    await _served_after(product, caplog)


async def test_an_update_aiogram_cannot_read_does_not_stop_polling(
    product: Product, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression: one unparsable update stopped polling for everyone."""
    tg = product.tg
    tg.push_raw({"message": {"chat": "not a chat", "message_id": "x"}})
    await _served_after(product, caplog)
    tg.push_raw({"message": {"chat": "not a chat either"}})  # now the last of its batch
    await _served_after(product, caplog)
