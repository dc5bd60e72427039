"""The support page in a real browser (Debian's Chromium): an admin signs in on the dashboard,
finds a buyer by Telegram id, sees the payment and refunds it; the buyer's credits go back once.
The same page inside the Mini App (signed initData): an admin refunds there; anyone else sees
that the page is for support, and the API refuses them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import pytest

from core.billing.catalogue import load_catalogue
from core.billing.stars import StarsPayment, credit_payment, package_invoice
from core.db.models import User
from tests.dbutil import initialised_db
from tests.fakes.telegram import FakeTelegramServer
from tests.miniapp.harness import Web, web_app
from tests.miniapp.signing import BOT_TOKEN, widget_payload
from tests.miniapp.test_browser import (  # noqa: F401
    browser,
    browser_available,
    mini_app_url,
    shot,
)

ADMIN, BUYER, CHARGE = 900, 6161, "stxBrowserRefund1"
#: Telegram's side of the Mini App's popups: the confirmation is answered with its first button.
TELEGRAM_CONFIRMS = """
window.TelegramWebviewProxy = { postEvent(type, data) {
  if (type !== "web_app_open_popup") return;
  const button = JSON.parse(data).buttons[0].id;
  setTimeout(() => window.Telegram.WebView.receiveEvent("popup_closed", { button_id: button }));
} };
"""


@pytest.fixture
async def shop() -> AsyncIterator[tuple[Web, FakeTelegramServer]]:
    async with (
        FakeTelegramServer(BOT_TOKEN) as tg,
        initialised_db("sqlite") as url,
        web_app(url, TELEGRAM_API_URL=tg.base_url) as web,
    ):
        buyer = await User.create(telegram_id=BUYER, first_name="Ann")
        catalogue = load_catalogue(None)
        payload = package_invoice(catalogue, "p5", buyer).payload
        await credit_payment(catalogue, buyer, StarsPayment(payload, "XTR", 100, CHARGE))
        tg.world.payments.charges[CHARGE] = BUYER
        yield web, tg


async def refund_the_buyer(page: Any, screenshot: str) -> None:
    """On the support page: look the buyer up, refund the payment, see the credits taken back."""
    await page.locator("#telegram-id").fill(str(BUYER))
    await page.get_by_role("button", name="Find the account").click()
    refund = page.locator("[data-refund]")
    await refund.wait_for()
    await shot(page, screenshot)
    await refund.click()
    await page.get_by_text("Credits taken back: 5").wait_for()


async def test_an_admin_finds_a_buyer_and_refunds_a_payment(
    shop: tuple[Web, FakeTelegramServer],
    browser: Any,  # noqa: F811
) -> None:
    web, tg = shop
    context = await browser.new_context(viewport={"width": 1000, "height": 800})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())
    query = "&".join(f"{k}={quote(str(v))}" for k, v in widget_payload(ADMIN).items())
    await page.goto(str(web.client.make_url(f"/auth/telegram?{query}")))
    await page.wait_for_url("**/dashboard/**")

    await page.goto(str(web.client.make_url("/dashboard/admin")))
    await refund_the_buyer(page, "10-support-lookup")
    await page.get_by_text("refunded", exact=True).wait_for()
    await shot(page, "11-support-refunded")

    assert (await User.get(telegram_id=BUYER)).dream_balance == 0
    assert len(tg.calls("refundStarPayment")) == 1
    assert errors == []
    await context.close()


async def test_the_support_page_inside_the_mini_app(
    shop: tuple[Web, FakeTelegramServer],
    browser: Any,  # noqa: F811
) -> None:
    web, tg = shop
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    await context.add_init_script(TELEGRAM_CONFIRMS)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    await page.goto(mini_app_url(web, "/app/settings", ADMIN))
    await page.get_by_role("link", name="Support page").click()
    await page.wait_for_url("**/app/admin**")
    await refund_the_buyer(page, "12-support-mini-app")
    assert (await User.get(telegram_id=BUYER)).dream_balance == 0
    assert len(tg.calls("refundStarPayment")) == 1

    await page.goto(mini_app_url(web, "/app/admin", BUYER))  # not an admin
    await page.get_by_text("This page is for the support team.").wait_for()
    assert await page.locator("#telegram-id").count() == 0
    status, _ = await web.call("GET", f"/api/v1/admin/users/{BUYER}", BUYER)
    assert status == 403
    assert errors == []
    await context.close()
