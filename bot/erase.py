"""What the bot keeps on an account outside the database — its conversation state (which may
hold parts of a dream being written) — erased with the account."""

from __future__ import annotations

from aiogram.fsm.storage.base import BaseStorage, StorageKey

from core.account import AccountEraser


def conversation_eraser(storage: BaseStorage, bot_id: int) -> AccountEraser:
    async def erase(telegram_id: int) -> None:
        # The bot talks in private chats only: the chat is the user's own.
        key = StorageKey(bot_id=bot_id, chat_id=telegram_id, user_id=telegram_id)
        await storage.set_state(key, None)
        await storage.set_data(key, {})

    return erase
