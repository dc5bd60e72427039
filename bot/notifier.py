"""Telegram side of the analysis job: edits the status message through the stages and sends
the result with its buttons. Used by the in-process runner and by arq workers alike."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup

from bot.keyboards.billing import buy_keyboard
from bot.keyboards.dreams import analysis_keyboard
from bot.rendering.analysis import render_report, stage_text
from core.dreams.report import AnalysisReport, Delivery, FailureReason, Stage
from core.i18n import gettext_for

log = logging.getLogger(__name__)


class TelegramNotifier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def _edit_status(
        self, delivery: Delivery, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        if delivery.status_message_id is None:
            await self._bot.send_message(delivery.chat_id, text, reply_markup=markup)
            return
        try:
            await self._bot.edit_message_text(
                text=text,
                chat_id=delivery.chat_id,
                message_id=delivery.status_message_id,
                reply_markup=markup,
            )
        except TelegramBadRequest as exc:
            # "message is not modified" on a retried stage, or the user deleted the message.
            log.info("status message not edited: %s", exc.message)

    async def progress(self, delivery: Delivery, stage: Stage) -> None:
        await self._bot.send_chat_action(delivery.chat_id, ChatAction.TYPING)
        await self._edit_status(delivery, stage_text(stage, delivery.locale))

    async def deliver(self, delivery: Delivery, report: AnalysisReport) -> None:
        _ = gettext_for(delivery.locale)
        await self._edit_status(delivery, _("✅ Your dream is analysed and saved to your journal."))
        await self._bot.send_message(
            delivery.chat_id,
            render_report(report, delivery.locale),
            reply_markup=analysis_keyboard(
                report.dream_id, delivery.locale, offer_buy=not report.balance.can_analyze
            ),
        )

    async def fail(self, delivery: Delivery, reason: FailureReason) -> None:
        _ = gettext_for(delivery.locale)
        if reason is FailureReason.NO_CREDIT:
            await self._edit_status(
                delivery,
                _(
                    "Your dream is saved in your journal, but you have no analyses left. "
                    "Top up to analyse it — nothing else is needed, it will wait for you."
                ),
                buy_keyboard(delivery.locale),
            )
            return
        if reason is FailureReason.IN_PROGRESS:
            await self._edit_status(
                delivery,
                _("This dream is being analysed already; the result is on its way."),
            )
            return
        await self._edit_status(
            delivery,
            _(
                "Sorry, I could not analyse this dream right now. It is saved in your journal "
                "and nothing was charged; please try again later from /journal."
            ),
        )
