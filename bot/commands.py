"""The command menu shown in Telegram, in each supported language."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

from core.i18n import N_, SUPPORTED_LOCALES, gettext

COMMANDS: tuple[tuple[str, str], ...] = (
    ("journal", N_("Your dream journal")),
    ("lunar", N_("The lunar day today")),
    ("calendar", N_("The lunar calendar of the month")),
    ("settings", N_("Language, place, your data")),
    ("buy", N_("Buy analyses")),
    ("balance", N_("Your analyses, subscription and payments")),
    ("paysupport", N_("Help with a payment")),
    ("help", N_("How to use the bot")),
)


async def set_bot_commands(bot: Bot) -> None:
    for locale in SUPPORTED_LOCALES:
        commands = [BotCommand(command=c, description=gettext(d, locale)) for c, d in COMMANDS]
        await bot.set_my_commands(commands, language_code=locale)
    await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in COMMANDS])
