"""Telegram Stars end to end through the real bot and the fake Bot API server: the free dream,
running out, /buy, the invoice, pre-checkout, the payment (twice: credited once), the waiting
dream analysed, an admin refund, and deleting the account."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from core.db.models import Dream, DreamStatus, FreeDreamClaim, Transaction, User
from tests.bot.harness import Product, button, running_product
from tests.fakes.telegram import Call

CHAT = 4004
ADMIN = 9009
DREAMS = [
    "I was climbing a glass mountain with my sister and we found a door full of light.",
    "I was in my old school at night, the corridors were flooded and a whale swam past me.",
    "I dreamt of a train that never stopped, and my father was driving it through the snow.",
]


def _result(call: Call) -> bool:
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


def _text(part: str) -> Any:
    return lambda call: part in call.params.get("text", "")


async def _press(product: Product, call: Call, label: str) -> None:
    message_id = call.result["message_id"] if isinstance(call.result, dict) else 0
    product.tg.push_callback(CHAT, message_id, button(call, label))


async def _until_analysed(dream: Dream) -> None:
    """The consume lands just after the result is sent; only the database shows when."""
    async with asyncio.timeout(10):
        while dream.status != DreamStatus.ANALYZED:
            await asyncio.sleep(0.02)
            await dream.refresh_from_db()


async def test_the_whole_stars_flow(tmp_path: Path) -> None:
    async with running_product(tmp_path, None, ADMIN_TELEGRAM_IDS=str(ADMIN)) as product:
        tg = product.tg
        # The free dream, then a second one with nothing left: a notice with a buy button.
        mark = tg.mark()
        tg.push_message(CHAT, DREAMS[0])
        await tg.wait_for("sendMessage", _result, timeout=30, after=mark)
        await product.analyses_settled(CHAT)
        mark = tg.mark()
        tg.push_message(CHAT, DREAMS[1])
        notice = await tg.wait_for("sendMessage", _text("no analyses left"), after=mark)

        # Buy: the packages, then an invoice in Stars.
        mark = tg.mark()
        await _press(product, notice, "⭐ Buy analyses")
        packages = await tg.wait_for("sendMessage", _text("Choose a package"), after=mark)
        mark = tg.mark()
        await _press(product, packages, "5 analyses — 100 ⭐")
        invoice = await tg.wait_for("sendInvoice", after=mark)
        assert invoice.params["currency"] == "XTR" and not invoice.params.get("provider_token")
        assert invoice.params["prices"] == [{"label": "5 analyses", "amount": 100}]
        payload = invoice.params["payload"]

        # Pre-checkout: a wrong price is refused, the right one accepted, in this process.
        mark = tg.mark()
        tg.push_pre_checkout(CHAT, payload, 1)
        refused = await tg.wait_for("answerPreCheckoutQuery", after=mark)
        assert refused.params.get("ok") is not True and refused.params["error_message"]
        mark = tg.mark()
        tg.push_pre_checkout(CHAT, payload, 100)
        accepted = await tg.wait_for("answerPreCheckoutQuery", after=mark)
        assert accepted.params["ok"] is True

        # The payment, delivered twice: credited once, one receipt, the waiting dream offered.
        mark = tg.mark()
        tg.push_successful_payment(CHAT, payload, 100, charge_id="stxCharge1")
        receipt = await tg.wait_for("sendMessage", _text("Receipt"), after=mark)
        assert "5 analyses" in receipt.params["text"] and "stxCharge1" in receipt.params["text"]
        offer = await tg.wait_for("sendMessage", _text("waiting for an analysis"), after=mark)
        tg.push_successful_payment(CHAT, payload, 100, charge_id="stxCharge1")
        user = await User.get(telegram_id=CHAT)
        assert user.dream_balance == 5

        # "Analyse" on the waiting dream: analysed and paid with one credit.
        mark = tg.mark()
        label = offer.params["reply_markup"]["inline_keyboard"][0][0]["text"]
        await _press(product, offer, label)
        await tg.wait_for("sendMessage", _result, timeout=30, after=mark)
        await _until_analysed(await Dream.get(user_id=user.id, text=DREAMS[1]))
        await user.refresh_from_db()
        assert user.dream_balance == 4
        # The second delivery of the payment credited nothing and sent no receipt.
        assert len([c for c in tg.calls("sendMessage") if _text("Receipt")(c)]) == 1
        assert await Transaction.filter(user_id=user.id, kind="purchase").count() == 1

        # An admin refunds the payment: the stars go back, the unspent credits too.
        mark = tg.mark()
        tg.push_command(ADMIN, "refund", "stxCharge1")
        refund = await tg.wait_for("refundStarPayment", after=mark)
        assert refund.ok and refund.params["telegram_payment_charge_id"] == "stxCharge1"
        await tg.wait_for("sendMessage", lambda c: c.params.get("chat_id") == CHAT, after=mark)
        await tg.wait_for("sendMessage", _text("Credits taken back: 4"), after=mark)
        await user.refresh_from_db()
        assert user.dream_balance == 0

        # Delete the account: the ledger stays without a person; a new dream is not free.
        mark = tg.mark()
        tg.push_callback(CHAT, receipt.result["message_id"], "set:delete_confirm")
        await tg.wait_for("editMessageText", _text("All your data has been deleted"), after=mark)
        rows = await Transaction.all()
        assert len(rows) >= 4 and all(row.user_id is None for row in rows)  # type: ignore[attr-defined]
        assert await FreeDreamClaim.all().count() == 1
        mark = tg.mark()
        tg.push_message(CHAT, DREAMS[2])
        await tg.wait_for("sendMessage", _text("no analyses left"), after=mark)
        again = await User.get(telegram_id=CHAT)
        assert again.free_dream_used
        assert (
            await Dream.filter(user_id=again.id, status=DreamStatus.WAITING_FOR_CREDIT).count() == 1
        )
