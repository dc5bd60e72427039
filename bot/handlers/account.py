"""``/stats`` (the h-profile picture with a two-line reading), ``/export`` (everything held on
the user, as a file) and ``/delete_me`` (with confirmation) — the Mini App's account features
in the chat."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.i18n import gettext as _

from bot.keyboards.settings import delete_confirm_keyboard
from core.account import export_account, export_json
from core.analysis.norms import render_h_profile
from core.db.models import User
from core.insights.overview import analysed_dreams, user_h_profile
from core.insights.reading import two_line_reading


def create_router() -> Router:
    router = Router(name="account")
    router.message.filter(F.chat.type == "private")
    router.message.register(send_stats, Command("stats"))
    router.message.register(send_export, Command("export"))
    router.message.register(ask_delete_me, Command("delete_me"))
    return router


async def send_stats(message: Message, user: User) -> None:
    dreams = await analysed_dreams(user)
    if not dreams:
        await message.answer(
            _("Your statistics start with your first analysed dream. Tell me one!")
        )
        return
    profile = user_h_profile(dreams, user)
    png = await asyncio.to_thread(render_h_profile, profile, user.language)
    await message.answer_photo(
        BufferedInputFile(png, filename="h-profile.png"),
        caption=two_line_reading(profile, user.language),
    )


async def send_export(message: Message, user: User) -> None:
    export = await export_account(user)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    await message.answer_document(
        BufferedInputFile(export_json(export), filename=f"oneiroscope-{stamp}.json"),
        caption=_("Everything we hold on you: {dreams} dreams with their analyses.").format(
            dreams=len(export.dreams)
        ),
    )


async def ask_delete_me(message: Message) -> None:
    await message.answer(
        _(
            "This deletes your account, every dream, voice note and analysis, and your "
            "remaining credits. It cannot be undone. Delete everything?"
        ),
        reply_markup=delete_confirm_keyboard(),
    )
