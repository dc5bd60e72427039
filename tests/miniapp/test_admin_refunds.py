"""Support refunds a Stars purchase from the dashboard: admins only, CSRF-guarded, through the
billing functions and the Bot API (a fake server), exactly once however often it is submitted,
with an audit line that names no person."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from core.billing.catalogue import load_catalogue
from core.billing.stars import StarsPayment, credit_payment, package_invoice
from core.db.models import Transaction, TransactionKind, User
from tests.dbutil import initialised_db
from tests.fakes.telegram import FakeTelegramServer
from tests.miniapp.harness import Web, web_app
from tests.miniapp.signing import BOT_TOKEN, widget_payload

ADMIN, BUYER = 900, 5151
CHARGE = "stxSupportRefund1"
CATALOGUE = load_catalogue(None)


@dataclass
class Shop:
    tg: FakeTelegramServer
    web: Web
    buyer: User
    payment_id: str


@pytest.fixture
async def shop() -> AsyncIterator[Shop]:
    async with (
        FakeTelegramServer(BOT_TOKEN) as tg,
        initialised_db("sqlite") as url,
        web_app(url, TELEGRAM_API_URL=tg.base_url) as web,
    ):
        buyer = await User.create(telegram_id=BUYER, first_name="Ann")
        payment = StarsPayment(
            payload=package_invoice(CATALOGUE, "p15", buyer).payload,
            currency="XTR",
            total_amount=250,
            charge_id=CHARGE,
        )
        await credit_payment(CATALOGUE, buyer, payment)
        tg.world.payments.charges[CHARGE] = BUYER  # Telegram took the stars from the buyer
        row = await Transaction.get(idempotency_key=f"stars:{CHARGE}")
        yield Shop(tg, web, buyer, str(row.id))


async def _balance() -> int:
    return (await User.get(telegram_id=BUYER)).dream_balance


async def _refund_rows() -> int:
    return await Transaction.filter(kind=TransactionKind.REFUND).count()


async def _refund(shop: Shop, telegram_id: int | None = ADMIN, **kwargs: Any) -> tuple[int, Any]:
    body = {"payment_id": shop.payment_id}
    return await shop.web.call("POST", "/api/v1/admin/refunds", telegram_id, json=body, **kwargs)


async def test_an_admin_refunds_a_stars_purchase_once_with_a_receipt(shop: Shop) -> None:
    status, found = await shop.web.call("GET", f"/api/v1/admin/users/{BUYER}", ADMIN)
    assert status == 200 and await _balance() == 15
    [listed] = found["payments"]
    assert (listed["id"], listed["refundable"], listed["refunded"]) == (
        shop.payment_id,
        True,
        False,
    )

    status, done = await _refund(shop)

    assert (status, done) == (200, {"status": "refunded", "credits_taken": 15, "balance": 0})
    assert await _balance() == 0 and await _refund_rows() == 1
    [call] = shop.tg.calls("refundStarPayment")
    assert call.params == {"user_id": BUYER, "telegram_payment_charge_id": CHARGE}
    assert CHARGE in shop.tg.world.payments.refunded
    [receipt] = shop.tg.sent_messages(BUYER)
    assert "Refund" in receipt and "250 ⭐" in receipt
    _, found = await shop.web.call("GET", f"/api/v1/admin/users/{BUYER}", ADMIN)
    purchase = next(p for p in found["payments"] if p["id"] == shop.payment_id)
    assert (purchase["refundable"], purchase["refunded"]) == (False, True)


async def test_a_double_submit_refunds_and_takes_credits_back_exactly_once(shop: Shop) -> None:
    results = await asyncio.gather(_refund(shop), _refund(shop))
    again = await _refund(shop)

    statuses = sorted(body["status"] for _, body in [*results, again])
    assert statuses == ["already_refunded", "already_refunded", "refunded"]
    assert {status for status, _ in [*results, again]} == {200}
    assert await _balance() == 0 and await _refund_rows() == 1
    assert len(shop.tg.sent_messages(BUYER)) == 1  # one receipt


async def test_a_user_who_is_not_an_admin_gets_403_and_nothing_changes(shop: Shop) -> None:
    status, body = await _refund(shop, BUYER)
    assert (status, body["error"]["code"]) == (403, "admin_only")
    status, body = await shop.web.call("GET", f"/api/v1/admin/users/{BUYER}", BUYER)
    assert (status, body["error"]["code"]) == (403, "admin_only")

    assert await _balance() == 15 and await _refund_rows() == 0
    assert shop.tg.calls("refundStarPayment") == []


async def test_the_dashboard_refund_needs_the_csrf_token(shop: Shop) -> None:
    status, _ = await shop.web.call("POST", "/api/v1/auth/login", json=widget_payload(ADMIN))
    assert status == 200
    csrf = next(c.value for c in shop.web.client.session.cookie_jar if c.key == "os_csrf")

    status, body = await _refund(shop, None)
    assert (status, body["error"]["code"]) == (403, "csrf_missing")
    assert await _balance() == 15 and shop.tg.calls("refundStarPayment") == []

    status, done = await _refund(shop, None, headers={"X-CSRF-Token": csrf})
    assert (status, done["status"]) == (200, "refunded")


async def test_the_audit_line_names_accounts_not_people(
    shop: Shop, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)

    await shop.web.call("GET", f"/api/v1/admin/users/{BUYER}", ADMIN)
    await _refund(shop)

    audit = [r.getMessage() for r in caplog.records if r.getMessage().startswith("audit:")]
    admin = await User.get(telegram_id=ADMIN)
    assert len(audit) == 2
    assert str(shop.buyer.id) in audit[1] and str(admin.id) in audit[1] and "refunded" in audit[1]
    # The product serves without an access log (cli/serve.py); the test server has one.
    ours = [r for r in caplog.records if r.name != "aiohttp.access" and r.levelno >= logging.INFO]
    everything = "\n".join(r.getMessage() for r in ours)
    for personal in (str(BUYER), str(ADMIN), "Ann", CHARGE):
        assert personal not in everything


async def test_a_card_payment_is_refunded_at_the_gateway_not_here(shop: Shop) -> None:
    card = await Transaction.create(
        user=shop.buyer,
        kind=TransactionKind.PURCHASE,
        credits=5,
        amount_minor=299,
        currency="USD",
        provider="stripe",
        provider_ref="cs_test_1",
        idempotency_key="stripe:cs_test_1",
    )

    status, body = await shop.web.call(
        "POST", "/api/v1/admin/refunds", ADMIN, json={"payment_id": str(card.id)}
    )

    assert (status, body["error"]["code"]) == (409, "refund_at_gateway")
    assert await _refund_rows() == 0 and shop.tg.calls("refundStarPayment") == []


async def test_the_support_page_is_for_signed_in_admins(shop: Shop) -> None:
    status, _ = await shop.web.call("GET", "/dashboard/admin", allow_redirects=False)
    assert status == 302  # to the sign-in page

    await shop.web.call("POST", "/api/v1/auth/login", json=widget_payload(BUYER))
    status, page = await shop.web.call("GET", "/dashboard/admin")
    assert status == 403 and b"support team" in page

    await shop.web.call("POST", "/api/v1/auth/login", json=widget_payload(ADMIN))
    status, page = await shop.web.call("GET", "/dashboard/admin?lang=ru")
    assert status == 200 and "Найти аккаунт".encode() in page
