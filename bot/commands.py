"""The command menu shown in Telegram, in each supported language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import BotCommand, MenuButtonWebApp, WebAppInfo

from core.config import Settings
from core.i18n import N_, SUPPORTED_LOCALES, gettext

log = logging.getLogger(__name__)

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


async def set_menu_button(bot: Bot, settings: Settings) -> None:
    """The menu button opens the Mini App (Telegram requires an https address)."""
    url = settings.web.mini_app(settings.public_url)
    if url is None:
        log.warning("Mini App menu button: off (no https PUBLIC_URL or MINI_APP_URL)")
        return
    # The default menu button has one text for everyone: both languages, short.
    text = " · ".join(gettext("Journal", locale) for locale in SUPPORTED_LOCALES)
    await bot.set_chat_menu_button(
        menu_button=MenuButtonWebApp(text=text, web_app=WebAppInfo(url=url))
    )
