"""Receipts sent as Telegram messages (``core.billing.receipts.ReceiptSender``)."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

log = logging.getLogger(__name__)


class TelegramReceipts:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send_receipt(self, telegram_id: int, text: str) -> None:
        """The credit change is recorded already; a user who blocked the bot only misses the
        message (logged, never raised into a payment webhook)."""
        try:
            await self._bot.send_message(telegram_id, text)
        except TelegramAPIError as exc:
            log.warning("receipt not delivered: %s", type(exc).__name__)
