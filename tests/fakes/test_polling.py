"""A real aiogram Dispatcher long-polling the fake: updates in, recorded replies out."""

from __future__ import annotations

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from tests.fakes.telegram import FakeTelegramServer
from tests.fakes.telegram_aiogram import polling

CHAT = 4242


def echo_router() -> Router:
    """A tiny bot: /start greets with a button, the button edits the greeting, text echoes."""
    router = Router()

    @router.message(Command("start"))
    async def start(message: Message) -> None:
        button = InlineKeyboardButton(text="Go", callback_data="go")
        await message.answer(
            f"Hello, {message.from_user.first_name}!" if message.from_user else "Hello!",
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
        )

    @router.callback_query(F.data == "go")
    async def go(query: CallbackQuery) -> None:
        assert isinstance(query.message, Message)
        await query.message.edit_text("Going.")
        await query.answer()

    @router.message(F.voice)
    async def voice(message: Message, bot: Bot) -> None:
        assert message.voice is not None
        audio = await bot.download(message.voice)
        size = len(audio.read()) if audio else 0
        await message.answer(f"voice {message.voice.duration}s {size} bytes")

    @router.message(F.location)
    async def location(message: Message) -> None:
        assert message.location is not None
        await message.answer(f"at {message.location.latitude:.2f},{message.location.longitude:.2f}")

    @router.message(F.sticker)
    async def sticker(message: Message) -> None:
        await message.answer(f"sticker {message.sticker.emoji if message.sticker else ''}")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"echo {message.text}")

    return router


def dispatcher() -> Dispatcher:
    dp = Dispatcher()
    dp.include_router(echo_router())
    return dp


async def test_start_command_reaches_command_handler_and_reply_is_recorded(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        tg.push_command(CHAT, "start")
        call = await tg.wait_for("sendMessage")
    assert call.params["chat_id"] == CHAT
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "go"
    assert tg.sent_messages(CHAT) == ["Hello, Test!"]


async def test_button_press_edit_replaces_text_in_sent_messages(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        tg.push_command(CHAT, "start")
        greeting = await tg.wait_for("sendMessage")
        mark = tg.mark()
        tg.push_callback(CHAT, greeting.result["message_id"], "go")
        await tg.wait_for("answerCallbackQuery", after=mark)
    assert tg.sent_messages(CHAT) == ["Going."]
    assert "reply_markup" not in tg.last_message(CHAT)
    assert tg.calls("editMessageText")[0].ok


async def test_duplicate_update_id_is_delivered_as_queued(tg: FakeTelegramServer, bot: Bot) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        first = tg.push_message(CHAT, "one")
        await tg.wait_for("sendMessage")
        mark = tg.mark()
        tg.push_raw(first)
        await tg.wait_for("sendMessage", after=mark)
    assert tg.sent_messages(CHAT) == ["echo one", "echo one"]


async def test_idle_long_polling_does_not_busy_loop(tg: FakeTelegramServer, bot: Bot) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        polls_before = tg.polls_received
        with pytest.raises(AssertionError, match="no matching sendMessage"):
            await tg.wait_for("sendMessage", timeout=0.5)
        new_polls = tg.polls_received - polls_before
    # The waiting poll is held up to max_poll_wait (1 s): a re-poll or two under load, never
    # the hundreds a poll answered at once would make.
    assert new_polls <= 3


async def test_stop_polling_ends_the_polling_task_cleanly(tg: FakeTelegramServer, bot: Bot) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg) as task:
        tg.push_message(CHAT, "hi")
        await tg.wait_for("sendMessage")
    assert task.done()
    assert task.exception() is None


async def test_voice_location_and_sticker_updates_reach_their_handlers(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        tg.push_voice(CHAT, "voice-7", 3, data=b"OggS" + bytes(96))
        await tg.wait_for("sendMessage")
        mark = tg.mark()
        tg.push_location(CHAT, 55.751, 37.618)
        tg.push_sticker(CHAT, "🌙")
        await tg.wait_for("sendMessage", lambda call: "sticker" in call.params["text"], after=mark)
        await tg.wait_for("sendMessage", lambda call: "at " in call.params["text"], after=mark)
    assert sorted(tg.sent_messages(CHAT)) == ["at 55.75,37.62", "sticker 🌙", "voice 3s 100 bytes"]


async def test_command_with_bot_username_and_arguments_is_recognised(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        update = tg.push_command(CHAT, "start@oneiroscope_test_bot", "ref42")
        await tg.wait_for("sendMessage")
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 27}]
    assert tg.sent_messages(CHAT) == ["Hello, Test!"]


async def test_hand_built_callback_update_can_be_answered(tg: FakeTelegramServer, bot: Bot) -> None:
    dp = dispatcher()
    async with polling(dp, bot, tg):
        greeting = await bot.send_message(CHAT, "pick")
        query = {
            "id": "raw-cb-1",
            "from": {"id": CHAT, "is_bot": False, "first_name": "Raw"},
            "chat_instance": "x",
            "message": tg.last_message(CHAT),
            "data": "go",
        }
        tg.push_raw({"callback_query": query})
        answer = await tg.wait_for("answerCallbackQuery")
    assert answer.ok
    assert greeting.message_id == tg.last_message(CHAT)["message_id"]
    assert tg.sent_messages(CHAT) == ["Going."]
