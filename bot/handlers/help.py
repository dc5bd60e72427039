"""/help: what the bot does and its commands."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.texts import help_text


def create_router() -> Router:
    router = Router(name="help")
    router.message.register(show_help, Command("help"))
    return router


async def show_help(message: Message) -> None:
    await message.answer(help_text())
