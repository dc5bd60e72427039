"""Pay by card from the bot: /buy offers it when Stripe is configured; the signed link opens the
product's own web app, which creates the Checkout Session and redirects — once."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from aiohttp import ClientSession

from core.billing.config import BillingSettings
from core.db.models import CardPayment
from tests.bot.harness import button, running_product
from tests.fakes import stripe_server
from tests.fakes.stripe_server import FakeStripe

CHAT = 7007


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _text(part: str) -> Any:
    return lambda call: part in call.params.get("text", "")


async def test_pay_by_card_link_opens_a_stripe_checkout_once(tmp_path: Path) -> None:
    port = _free_port()
    async with (
        FakeStripe() as stripe,
        running_product(
            tmp_path,
            None,
            WEB_PORT=port,
            billing=BillingSettings(
                checkout_base_url=f"http://127.0.0.1:{port}",
                stripe_api_key=stripe_server.API_KEY,
                stripe_webhook_secret=stripe_server.WEBHOOK_SECRET,
                stripe_api_base=stripe.base_url,
            ),
        ) as product,
    ):
        tg = product.tg
        mark = tg.mark()
        tg.push_command(CHAT, "buy")
        packages = await tg.wait_for("sendMessage", _text("Choose a package"), after=mark)
        mark = tg.mark()
        message_id = packages.result["message_id"] if isinstance(packages.result, dict) else 0
        tg.push_callback(CHAT, message_id, button(packages, "💳 Pay by card"))
        offer = await tg.wait_for("sendMessage", _text("Pay by card"), after=mark)
        rows = offer.params["reply_markup"]["inline_keyboard"]
        assert rows[0][0]["text"] == "5 analyses — $2.99"
        link = rows[0][0]["url"]
        assert link.startswith(f"http://127.0.0.1:{port}/checkout/")

        async with ClientSession() as http:
            async with http.get(link, allow_redirects=False) as first:
                assert first.status == 303
                assert first.headers["Location"].startswith(stripe.base_url)
            async with http.get(link, allow_redirects=False) as second:
                assert second.status == 403
        assert len(stripe.created) == 1 and await CardPayment.all().count() == 1
