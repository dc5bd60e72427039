"""Telegram Stars refunds and subscription renewals over a Bot
(``core.billing.stars_gateway.StarsGateway``)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest

from core.billing.errors import AlreadyRefunded, GatewayError


class TelegramStars:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def refund(self, telegram_id: int, charge_id: str) -> None:
        try:
            await self._bot.refund_star_payment(
                user_id=telegram_id, telegram_payment_charge_id=charge_id
            )
        except TelegramBadRequest as exc:
            if "ALREADY_REFUNDED" in exc.message.upper():
                raise AlreadyRefunded(exc.message) from exc
            raise GatewayError(exc.message) from exc
        except TelegramAPIError as exc:
            raise GatewayError(exc.message) from exc

    async def cancel_renewal(self, telegram_id: int, charge_id: str) -> None:
        try:
            await self._bot.edit_user_star_subscription(
                user_id=telegram_id, telegram_payment_charge_id=charge_id, is_canceled=True
            )
        except TelegramAPIError as exc:
            raise GatewayError(exc.message) from exc
