"""A Stars subscription: an invoice link with a 30-day period, the first payment and a renewal
(``is_recurring``) extend the same subscription, its daily allowance pays for dreams, and
cancelling the renewal tells Telegram and keeps it to the period's end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from core.billing.catalogue import STARS_PERIOD_SECONDS
from core.db.models import Subscription, Transaction, User
from tests.bot.harness import button, running_product
from tests.fakes.telegram import Call

CHAT = 5005
DREAM = "I was flying above a sleeping town with a paper lantern and my grandmother waved."


def _text(part: str) -> Any:
    return lambda call: part in call.params.get("text", "")


def _message_id(call: Call) -> int:
    return int(call.result["message_id"]) if isinstance(call.result, dict) else 0


async def test_subscribe_renew_use_the_allowance_and_cancel(tmp_path: Path) -> None:
    async with running_product(tmp_path, None) as product:
        tg = product.tg
        mark = tg.mark()
        tg.push_command(CHAT, "buy")
        packages = await tg.wait_for("sendMessage", _text("Choose a package"), after=mark)
        label = next(
            b["text"]
            for row in packages.params["reply_markup"]["inline_keyboard"]
            for b in row
            if b["text"].startswith("Subscription")
        )
        mark = tg.mark()
        tg.push_callback(CHAT, _message_id(packages), button(packages, label))
        link_call = await tg.wait_for("createInvoiceLink", after=mark)
        assert link_call.ok and link_call.params["subscription_period"] == STARS_PERIOD_SECONDS
        assert link_call.params["currency"] == "XTR"
        offer = await tg.wait_for("sendMessage", after=mark)
        assert offer.params["reply_markup"]["inline_keyboard"][0][0]["url"].startswith(
            "https://t.me/"
        )

        payload, price = link_call.params["payload"], link_call.params["prices"][0]["amount"]
        first_end = int(time.time()) + STARS_PERIOD_SECONDS
        mark = tg.mark()
        tg.push_successful_payment(
            CHAT,
            payload,
            price,
            charge_id="stxSub1",
            subscription_expiration_date=first_end,
            is_recurring=True,
            is_first_recurring=True,
        )
        await tg.wait_for("sendMessage", _text("Subscription started"), after=mark)
        mark = tg.mark()
        tg.push_successful_payment(
            CHAT,
            payload,
            price,
            charge_id="stxSub2",
            subscription_expiration_date=first_end + STARS_PERIOD_SECONDS,
            is_recurring=True,
        )
        await tg.wait_for("sendMessage", _text("Subscription renewed"), after=mark)
        user = await User.get(telegram_id=CHAT)
        (sub,) = await Subscription.filter(user_id=user.id)
        assert sub.provider_ref == "stxSub1" and sub.daily_allowance == 3
        assert sub.current_period_end is not None
        assert int(sub.current_period_end.timestamp()) == first_end + STARS_PERIOD_SECONDS
        assert await Transaction.filter(user_id=user.id, kind="subscription").count() == 2

        # The free dream goes first; the next one is paid by the allowance, not a credit.
        await User.filter(id=user.id).update(free_dream_used=True)
        mark = tg.mark()
        tg.push_message(CHAT, DREAM)
        await tg.wait_for("sendMessage", _text("Interpreted by"), timeout=30, after=mark)
        await product.analyses_settled(CHAT)
        await sub.refresh_from_db()
        assert sub.allowance_used == 1

        mark = tg.mark()
        tg.push_command(CHAT, "balance")
        balance = await tg.wait_for("sendMessage", _text("Your balance"), after=mark)
        assert "1 of 3 analyses used today" in balance.params["text"]
        mark = tg.mark()
        tg.push_callback(
            CHAT, _message_id(balance), button(balance, "Cancel the subscription's renewal")
        )
        cancel = await tg.wait_for("editUserStarSubscription", after=mark)
        assert cancel.ok and cancel.params["telegram_payment_charge_id"] == "stxSub1"
        await tg.wait_for("sendMessage", _text("Renewal cancelled"), after=mark)
        await sub.refresh_from_db()
        assert sub.cancel_at_period_end and sub.status == "active"
