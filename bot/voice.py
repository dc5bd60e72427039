"""The Bot API side of voice notes (``core.voice.ports.VoicePort``): the worker downloads the
audio itself with the bot token (getFile + the file URL; bot and worker may run on different
machines with no shared disk), into memory only, and talks to the user while it listens."""

from __future__ import annotations

import io
import logging
from html import escape

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramNetworkError

from bot.keyboards.voice import transcript_keyboard
from core.asr import AudioTooLarge
from core.asr.errors import AudioUnavailable
from core.dreams.report import Delivery
from core.i18n import gettext_for

log = logging.getLogger(__name__)

#: Downloading a 20 MB file over a slow link still finishes within this.
DOWNLOAD_TIMEOUT_S = 120


class TelegramVoice:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def fetch(self, file_id: str, max_bytes: int) -> bytes:
        limit = f"{max_bytes / 1e6:g}"
        try:
            file = await self._bot.get_file(file_id)
        except TelegramBadRequest as exc:
            if "too big" in exc.message.lower():  # the Bot API serves files up to 20 MB
                raise AudioTooLarge("over the Bot API's download limit", limit=limit) from exc
            raise AudioUnavailable(f"getFile: {exc.message}") from exc
        except (TelegramNetworkError, TelegramAPIError) as exc:
            raise AudioUnavailable(f"getFile: {type(exc).__name__}") from exc
        if file.file_size is not None and file.file_size > max_bytes:
            raise AudioTooLarge(f"{file.file_size} bytes", limit=limit)
        if not file.file_path:
            raise AudioUnavailable("getFile returned no file_path")
        buffer = io.BytesIO()
        try:
            await self._bot.download_file(
                file.file_path, destination=buffer, timeout=DOWNLOAD_TIMEOUT_S
            )
        except (TelegramNetworkError, TelegramAPIError, OSError) as exc:
            raise AudioUnavailable(f"download: {type(exc).__name__}") from exc
        data = buffer.getvalue()
        if len(data) > max_bytes:
            raise AudioTooLarge(f"{len(data)} bytes", limit=limit)
        return data

    async def transcribing(self, delivery: Delivery, share: float | None) -> None:
        await self._bot.send_chat_action(delivery.chat_id, ChatAction.TYPING)
        if share is None:
            return
        _ = gettext_for(delivery.locale)
        text = _("🎙 Listening to your voice note… {percent}% done").format(percent=int(share * 100))
        await self._edit_status(delivery, text)

    async def transcript(self, delivery: Delivery, dream_id: str, text: str) -> None:
        _ = gettext_for(delivery.locale)
        await self._edit_status(delivery, _("🎙 Voice note transcribed."))
        body = _(
            "Here is what I heard:\n\n<i>{transcript}</i>\n\nShall I analyse it as it is? "
            "If I misheard something, tap “Edit” and send the corrected text."
        ).format(transcript=escape(text))
        await self._bot.send_message(
            delivery.chat_id, body, reply_markup=transcript_keyboard(dream_id, delivery.locale)
        )

    async def failed(self, delivery: Delivery, message: str) -> None:
        await self._edit_status(delivery, message)

    async def _edit_status(self, delivery: Delivery, text: str) -> None:
        if delivery.status_message_id is None:
            await self._bot.send_message(delivery.chat_id, text)
            return
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=delivery.chat_id, message_id=delivery.status_message_id
            )
        except TelegramBadRequest as exc:  # not modified, or deleted by the user
            log.info("voice status message not edited: %s", exc.message)
