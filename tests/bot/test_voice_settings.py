"""/settings → voice language: saved per user and used for the next voice note."""

from __future__ import annotations

from pathlib import Path

from core.db.models import User
from tests.bot.harness import button, running_product

CHAT = 4016


async def test_the_voice_language_is_chosen_in_settings(tmp_path: Path) -> None:
    async with running_product(tmp_path) as product:
        tg = product.tg
        mark = tg.mark()
        tg.push_command(CHAT, "settings")
        menu = await tg.wait_for("sendMessage", lambda c: "reply_markup" in c.params, after=mark)

        mark = tg.mark()
        tg.push_callback(CHAT, menu.result["message_id"], button(menu, "🎙 Voice language"))
        choice = await tg.wait_for(
            "sendMessage", lambda c: "voice notes" in c.params["text"], after=mark
        )
        labels = [
            b["text"] for row in choice.params["reply_markup"]["inline_keyboard"] for b in row
        ]
        assert labels == ["✓ 🔎 Detect", "English", "Русский"]

        mark = tg.mark()
        tg.push_callback(CHAT, choice.result["message_id"], button(choice, "Русский"))
        await tg.wait_for(
            "answerCallbackQuery", lambda c: c.params.get("text") == "Saved.", after=mark
        )
        assert (await User.get(telegram_id=CHAT)).voice_language == "ru"

        mark = tg.mark()
        tg.push_callback(CHAT, choice.result["message_id"], "vlang:xx")  # a forged button
        await tg.wait_for(
            "answerCallbackQuery",
            lambda c: "no longer active" in c.params.get("text", ""),
            after=mark,
        )
        assert (await User.get(telegram_id=CHAT)).voice_language == "ru"
