"""Bot API methods of the fake, called through a real aiogram Bot."""

from __future__ import annotations

import io

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeDefault,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    MenuButtonWebApp,
    WebAppInfo,
)
from aiohttp import ClientSession
from PIL import Image

from tests.fakes.telegram import FakeTelegramServer
from tests.fakes.telegram_aiogram import make_bot

CHAT = 77


def png(width: int, height: int) -> bytes:
    """A small PNG image, as the product's charts are."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 40, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


async def test_send_photo_keeps_the_png_bytes(tg: FakeTelegramServer, bot: Bot) -> None:
    chart = png(64, 32)
    message = await bot.send_photo(CHAT, BufferedInputFile(chart, "chart.png"), caption="Chart")
    call = tg.calls("sendPhoto")[0]
    assert call.upload("photo") == chart
    assert Image.open(io.BytesIO(call.upload("photo"))).size == (64, 32)
    assert message.photo is not None
    assert (message.photo[-1].width, message.photo[-1].height) == (64, 32)
    assert tg.file_bytes(message.photo[-1].file_id) == chart
    assert message.caption == "Chart"


async def test_send_document_keeps_bytes_and_file_name(tg: FakeTelegramServer, bot: Bot) -> None:
    data = b'{"dreams": []}'
    message = await bot.send_document(CHAT, BufferedInputFile(data, "export.json"))
    assert message.document is not None
    assert message.document.file_name == "export.json"
    assert message.document.mime_type == "application/json"
    assert tg.calls("sendDocument")[0].upload("document") == data


async def test_registered_file_downloads_through_get_file(tg: FakeTelegramServer, bot: Bot) -> None:
    info = tg.register_file("voice-1", b"OggS fake opus", file_path="voice/file_1.oga")
    file = await bot.get_file("voice-1")
    downloaded = await bot.download("voice-1")
    assert file.file_path == info["file_path"] == "voice/file_1.oga"
    assert downloaded is not None
    assert downloaded.read() == b"OggS fake opus"


async def test_unknown_file_id_is_a_bad_request(tg: FakeTelegramServer, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_flood_wait_surfaces_as_telegram_retry_after(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    tg.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(CHAT, "hi")
    assert raised.value.retry_after == 3
    await bot.send_message(CHAT, "hi")
    assert [call.ok for call in tg.calls("sendMessage")] == [False, True]
    assert tg.sent_messages(CHAT) == ["hi"]


async def test_injected_bad_request_carries_the_description(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    sent = await bot.send_message(CHAT, "one")
    tg.fail_next("editMessageText", 400, "Bad Request: message is not modified")
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("two", chat_id=CHAT, message_id=sent.message_id)
    assert tg.sent_messages(CHAT) == ["one"]


async def test_identical_edit_is_refused_as_not_modified(tg: FakeTelegramServer, bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "same")
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("same", chat_id=CHAT, message_id=sent.message_id)


async def test_edit_and_delete_change_what_the_user_sees(tg: FakeTelegramServer, bot: Bot) -> None:
    first = await bot.send_message(CHAT, "thinking…")
    second = await bot.send_message(CHAT, "draft")
    edited = await bot.edit_message_text("final", chat_id=CHAT, message_id=second.message_id)
    await bot.delete_message(CHAT, first.message_id)
    assert isinstance(edited, type(second))
    assert edited.edit_date is not None
    assert tg.sent_messages(CHAT) == ["final"]
    assert second.message_id == first.message_id + 1
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=CHAT, message_id=999)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(CHAT, first.message_id)


async def test_reply_markup_edit_replaces_or_removes_the_keyboard(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="a")]]
    )
    sent = await bot.send_message(CHAT, "pick", reply_markup=keyboard)
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "a"
    await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id)
    assert "reply_markup" not in tg.last_message(CHAT)
    with pytest.raises(TelegramBadRequest, match="not modified"):
        await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id)
    assert tg.sent_messages(CHAT) == ["pick"]


async def test_edit_media_swaps_the_photo(tg: FakeTelegramServer, bot: Bot) -> None:
    sent = await bot.send_photo(CHAT, BufferedInputFile(png(8, 8), "a.png"))
    media = InputMediaPhoto(media=BufferedInputFile(png(16, 4), "b.png"), caption="new")
    edited = await bot.edit_message_media(media, chat_id=CHAT, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.photo is not None
    assert (edited.photo[-1].width, edited.caption) == (16, "new")


async def test_html_parse_mode_stores_plain_text_with_entities(tg: FakeTelegramServer) -> None:
    bot = make_bot(tg, default=DefaultBotProperties(parse_mode="HTML"))
    try:
        message = await bot.send_message(CHAT, "<b>Moon</b> &lt;waxing&gt; 🌒 <i>day 5</i>")
        with pytest.raises(TelegramBadRequest, match="can't parse entities"):
            await bot.send_message(CHAT, "I dreamt 2 < 3")
    finally:
        await bot.session.close()
    assert message.text == "Moon <waxing> 🌒 day 5"
    assert tg.calls("sendMessage")[0].params["text"].startswith("<b>")
    assert [(e.type, e.offset, e.length) for e in message.entities or []] == [
        ("bold", 0, 4),
        ("italic", 17, 5),  # 🌒 counts two UTF-16 units
    ]


async def test_voice_and_chat_action_are_recorded(tg: FakeTelegramServer, bot: Bot) -> None:
    await bot.send_chat_action(CHAT, "record_voice")
    message = await bot.send_voice(CHAT, BufferedInputFile(b"OggS", "v.ogg"), duration=2)
    assert message.voice is not None
    assert message.voice.duration == 2
    assert tg.calls("sendChatAction")[0].params == {"chat_id": CHAT, "action": "record_voice"}


async def test_commands_and_menu_button_round_trip(tg: FakeTelegramServer, bot: Bot) -> None:
    commands = [BotCommand(command="start", description="Начать")]
    await bot.set_my_commands(commands, language_code="ru")
    await bot.set_chat_menu_button(
        menu_button=MenuButtonWebApp(text="App", web_app=WebAppInfo(url="https://app.test/"))
    )
    stored = await bot.get_my_commands(language_code="ru")
    assert [(c.command, c.description) for c in stored] == [("start", "Начать")]
    assert await bot.get_my_commands(scope=BotCommandScopeDefault()) == []
    assert await bot.delete_my_commands(language_code="ru")
    assert await bot.get_my_commands(language_code="ru") == []
    assert (await bot.get_chat_menu_button()).type == "web_app"
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


async def test_unknown_method_is_a_404_and_recorded(tg: FakeTelegramServer) -> None:
    async with ClientSession() as session:
        url = f"{tg.base_url}/bot{tg.token}/sendTelepathy"
        async with session.post(url, data={"chat_id": "1"}) as response:
            body = await response.json()
    assert response.status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
    assert tg.calls("sendTelepathy")[0].params == {"chat_id": 1}


async def test_wrong_token_is_unauthorized(tg: FakeTelegramServer) -> None:
    stranger = make_bot(FakeTelegramServerAlias(tg))
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()


class FakeTelegramServerAlias:
    """The same server seen with another bot's token."""

    def __init__(self, tg: FakeTelegramServer) -> None:
        self.base_url = tg.base_url
        self.token = "999:other-token"


async def test_get_updates_conflicts_while_a_webhook_is_set(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    await bot.set_webhook("https://bot.example/tg", secret_token="s3cret")
    with pytest.raises(TelegramConflictError):
        await bot.get_updates(timeout=0)
    assert (await bot.get_webhook_info()).url == "https://bot.example/tg"
    with pytest.raises(TelegramBadRequest, match="HTTPS URL"):
        await bot.set_webhook("http://bot.example/tg")
    await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == []


async def test_updates_outside_allowed_updates_are_not_delivered(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    tg.push_callback(CHAT, 1, "ignored")
    tg.push_message(CHAT, "kept")
    updates = await bot.get_updates(timeout=0, allowed_updates=["message"])
    assert [u.message.text for u in updates if u.message] == ["kept"]
    assert len(updates) == 1
    assert tg.world.updates.filtered[0]["callback_query"]["data"] == "ignored"


async def test_get_updates_confirms_below_offset(tg: FakeTelegramServer, bot: Bot) -> None:
    first = tg.push_message(CHAT, "a")
    tg.push_message(CHAT, "b")
    assert len(await bot.get_updates(timeout=0)) == 2
    assert len(await bot.get_updates(timeout=0)) == 2  # unconfirmed: delivered again
    remaining = await bot.get_updates(offset=first["update_id"] + 1, timeout=0)
    assert [u.message.text for u in remaining if u.message] == ["b"]


async def test_wait_for_timeout_lists_the_calls_seen(tg: FakeTelegramServer, bot: Bot) -> None:
    mark = tg.mark()
    await bot.send_message(CHAT, "hello")
    with pytest.raises(AssertionError, match=r"sendMessage .*'text': 'hello'"):
        await tg.wait_for("sendPhoto", timeout=0.1, after=mark)
    call = await tg.wait_for("sendMessage", lambda c: c.params["text"] == "hello", after=mark)
    assert call.result["from"]["id"] == tg.bot_id


async def test_malformed_parameters_are_a_bad_request(tg: FakeTelegramServer) -> None:
    async with ClientSession() as session:
        url = f"{tg.base_url}/bot{tg.token}/deleteMessage"
        async with session.post(url, data={"chat_id": "1", "message_id": "abc"}) as response:
            body = await response.json()
    assert response.status == 400
    assert body["description"].startswith("Bad Request: ")
    assert tg.calls("deleteMessage")[0].error_code == 400


async def test_caption_edit_and_bulk_delete(tg: FakeTelegramServer, bot: Bot) -> None:
    photo = await bot.send_photo(CHAT, BufferedInputFile(png(4, 4), "p.png"), caption="old")
    edited = await bot.edit_message_caption(
        chat_id=CHAT, message_id=photo.message_id, caption="new"
    )
    assert not isinstance(edited, bool)
    assert edited.caption == "new"
    with pytest.raises(TelegramBadRequest, match="not modified"):
        await bot.edit_message_caption(chat_id=CHAT, message_id=photo.message_id, caption="new")
    text = await bot.send_message(CHAT, "bye")
    assert await bot.delete_messages(CHAT, [photo.message_id, text.message_id, 999])
    assert tg.bot_messages(CHAT) == []


async def test_profile_texts_answer_at_start_up(tg: FakeTelegramServer, bot: Bot) -> None:
    await bot.set_my_description("Dream analysis", language_code="en")
    await bot.set_my_short_description("Dreams")
    await bot.set_my_name("OneiroScope")
    assert (await bot.get_my_description(language_code="en")).description == "Dream analysis"
    assert (await bot.get_my_short_description()).short_description == "Dreams"
    assert (await bot.get_my_name()).name == "OneiroScope"
