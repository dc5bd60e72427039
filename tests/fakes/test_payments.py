"""Telegram Stars through the fake: invoices, pre-checkout, successful payment, refund."""

from __future__ import annotations

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import LabeledPrice, Message, PreCheckoutQuery

from tests.fakes.telegram import FakeTelegramServer
from tests.fakes.telegram_aiogram import polling

CHAT = 501
PRICE = [LabeledPrice(label="10 analyses", amount=50)]


def payments_router() -> Router:
    """Accepts every pre-checkout query and refunds every payment it receives."""
    router = Router()

    @router.pre_checkout_query()
    async def pre_checkout(query: PreCheckoutQuery) -> None:
        await query.answer(ok=True)

    @router.message(F.successful_payment)
    async def paid(message: Message, bot: Bot) -> None:
        assert message.successful_payment is not None and message.from_user is not None
        await bot.refund_star_payment(
            message.from_user.id, message.successful_payment.telegram_payment_charge_id
        )
        await message.answer("refunded")

    return router


async def test_stars_invoice_is_sent_as_a_message(tg: FakeTelegramServer, bot: Bot) -> None:
    message = await bot.send_invoice(
        CHAT, "Credits", "Ten analyses", "pack:10", "XTR", PRICE, provider_token=""
    )
    assert message.invoice is not None
    assert (message.invoice.currency, message.invoice.total_amount) == ("XTR", 50)


async def test_stars_invoice_rules_are_enforced(tg: FakeTelegramServer, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="provider_token"):
        await bot.send_invoice(CHAT, "C", "D", "p", "XTR", PRICE, provider_token="tok")
    with pytest.raises(TelegramBadRequest, match="exactly one price"):
        await bot.send_invoice(CHAT, "C", "D", "p", "XTR", PRICE * 2)
    with pytest.raises(TelegramBadRequest, match="2592000"):
        await bot.create_invoice_link("C", "D", "p", "XTR", PRICE, subscription_period=86400)
    link = await bot.create_invoice_link("C", "D", "p", "XTR", PRICE, subscription_period=2592000)
    assert link.startswith("https://t.me/$")


async def test_pre_checkout_then_payment_then_refund(tg: FakeTelegramServer, bot: Bot) -> None:
    dp = Dispatcher()
    dp.include_router(payments_router())
    async with polling(dp, bot, tg):
        tg.push_pre_checkout(CHAT, "pack:10", 50)
        answer = await tg.wait_for("answerPreCheckoutQuery")
        mark = tg.mark()
        tg.push_successful_payment(CHAT, "pack:10", 50, charge_id="stx-1")
        await tg.wait_for("sendMessage", after=mark)
    assert answer.params["ok"] is True
    assert tg.calls("refundStarPayment")[0].ok
    assert tg.calls("refundStarPayment")[0].params["telegram_payment_charge_id"] == "stx-1"
    with pytest.raises(TelegramBadRequest, match="CHARGE_ALREADY_REFUNDED"):
        await bot.refund_star_payment(CHAT, "stx-1")


async def test_unknown_pre_checkout_query_cannot_be_answered(
    tg: FakeTelegramServer, bot: Bot
) -> None:
    with pytest.raises(TelegramBadRequest, match="QUERY_ID_INVALID"):
        await bot.answer_pre_checkout_query("nope", ok=True)
