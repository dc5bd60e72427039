"""Support refunds a card purchase from the admin page through the gateway's real SDK (Stripe,
YooKassa; local fakes of their APIs), on PostgreSQL: the money goes back once (an idempotency
key per purchase), the credits are taken back exactly once whether the admin's refund or the
gateway's webhook for it comes first, and the buyer gets one receipt (through the fake Bot API)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from core.billing.config import BillingSettings, billing_key
from core.billing.links import sign_link
from core.db.models import CardPayment, Transaction, TransactionKind, User
from tests.dbutil import initialised_db
from tests.fakes import stripe_server, yookassa_server
from tests.fakes.stripe_server import FakeStripe, signed
from tests.fakes.telegram import FakeTelegramServer
from tests.fakes.yookassa_server import FakeYooKassa
from tests.miniapp.harness import Web, web_app
from tests.miniapp.signing import BOT_TOKEN

ADMIN, BUYER = 900, 5252


@dataclass
class Shop:
    tg: FakeTelegramServer
    stripe: FakeStripe
    yookassa: FakeYooKassa
    web: Web


@pytest.fixture
async def shop() -> AsyncIterator[Shop]:
    async with (
        FakeTelegramServer(BOT_TOKEN) as tg,
        FakeStripe() as stripe,
        FakeYooKassa() as yookassa,
        initialised_db("postgres") as url,
    ):
        billing = BillingSettings(  # type: ignore[call-arg]
            secret="test-billing-secret-0123456789abcdef",
            checkout_base_url="http://shop.example",
            stripe_api_key=stripe_server.API_KEY,
            stripe_webhook_secret=stripe_server.WEBHOOK_SECRET,
            stripe_api_base=stripe.base_url,
            yookassa_shop_id=yookassa_server.SHOP_ID,
            yookassa_secret_key=yookassa_server.SECRET_KEY,
            yookassa_api_url=yookassa.api_url,
            yookassa_check_ip=False,
        )
        async with web_app(url, TELEGRAM_API_URL=tg.base_url, billing=billing) as web:
            await User.create(telegram_id=BUYER, first_name="Ann", free_dream_used=True)
            yield Shop(tg, stripe, yookassa, web)


async def bought(shop: Shop, provider: str) -> tuple[str, str]:
    """The buyer pays for 5 analyses by card; (the gateway's checkout id, the ledger row id)."""
    buyer = await User.get(telegram_id=BUYER)
    key = billing_key(shop.web.services.settings)
    assert key is not None
    token = sign_link(key, buyer.id, "p5", provider, ttl=600)
    async with shop.web.client.get(f"/checkout/{token}", allow_redirects=False) as response:
        assert response.status == 303
    checkout = (await CardPayment.get(user_id=buyer.id, provider=provider)).provider_ref
    assert checkout is not None
    if provider == "stripe":
        await stripe_webhook(shop, shop.stripe.completed_event(checkout))
    else:
        shop.yookassa.set_status(checkout, "succeeded")
        await yookassa_webhook(shop, "payment.succeeded", checkout)
    row = await Transaction.get(idempotency_key=f"{provider}:{checkout}")
    assert await state() == (5, 0)
    return checkout, str(row.id)


async def stripe_webhook(shop: Shop, event: dict[str, Any]) -> None:
    body, signature = signed(event)
    headers = {"Stripe-Signature": signature, "Content-Type": "application/json"}
    async with shop.web.client.post("/webhooks/stripe", data=body, headers=headers) as response:
        assert response.status == 200


async def yookassa_webhook(shop: Shop, event: str, object_id: str) -> None:
    body = FakeYooKassa.notification(event, {"id": object_id})
    async with shop.web.client.post("/webhooks/yookassa", json=body) as response:
        assert response.status == 200


async def refund(shop: Shop, payment_id: str) -> tuple[int, Any]:
    body = {"payment_id": payment_id}
    return await shop.web.call("POST", "/api/v1/admin/refunds", ADMIN, json=body)


async def state() -> tuple[int, int]:
    """The buyer's credits and the number of refunds in the ledger."""
    balance = (await User.get(telegram_id=BUYER)).dream_balance
    return balance, await Transaction.filter(kind=TransactionKind.REFUND).count()


def receipts(shop: Shop) -> list[str]:
    return [text for text in shop.tg.sent_messages(BUYER) if "efund" in text or "озврат" in text]


async def listed(shop: Shop, payment_id: str) -> tuple[bool, bool]:
    _, found = await shop.web.call("GET", f"/api/v1/admin/users/{BUYER}", ADMIN)
    payment = next(p for p in found["payments"] if p["id"] == payment_id)
    return payment["refundable"], payment["refunded"]


async def test_a_stripe_refund_from_the_admin_page_then_its_webhook_count_once(
    shop: Shop,
) -> None:
    checkout, payment_id = await bought(shop, "stripe")
    assert await listed(shop, payment_id) == (True, False)

    status, done = await refund(shop, payment_id)

    assert (status, done) == (200, {"status": "refunded", "credits_taken": 5, "balance": 0})
    assert await state() == (0, 1) and shop.stripe.refund_calls == 1
    assert len(receipts(shop)) == 1
    assert (await CardPayment.get(provider_ref=checkout)).status == "refunded"

    await stripe_webhook(shop, shop.stripe.refunded_event(checkout))  # Stripe reports it
    assert await state() == (0, 1) and len(receipts(shop)) == 1

    assert await refund(shop, payment_id) == (
        200,
        {"status": "already_refunded", "credits_taken": 0, "balance": None},
    )
    assert shop.stripe.refund_calls == 1  # found in the ledger: Stripe not asked again
    assert await listed(shop, payment_id) == (False, True)


async def test_two_admins_refunding_a_yookassa_payment_at_once_refund_it_once(
    shop: Shop,
) -> None:
    checkout, payment_id = await bought(shop, "yookassa")

    results = await asyncio.gather(refund(shop, payment_id), refund(shop, payment_id))

    assert sorted(body["status"] for _, body in results) == ["already_refunded", "refunded"]
    [made] = shop.yookassa.refunds.values()  # one refund: the same idempotency key
    assert made["payment_id"] == checkout and made["amount"]["value"] == "299.00"
    assert await state() == (0, 1) and len(receipts(shop)) == 1

    await yookassa_webhook(shop, "refund.succeeded", made["id"])  # YooKassa's notification
    assert await state() == (0, 1) and len(receipts(shop)) == 1


async def test_a_refund_made_in_the_dashboard_first_is_not_made_again(shop: Shop) -> None:
    checkout, payment_id = await bought(shop, "stripe")
    await stripe_webhook(shop, shop.stripe.refunded_event(checkout))  # the dashboard's
    assert await state() == (0, 1)

    status, done = await refund(shop, payment_id)

    assert (status, done["status"]) == (200, "already_refunded")
    assert shop.stripe.refund_calls == 0 and await state() == (0, 1)


async def test_a_refund_the_gateway_refuses_changes_nothing(shop: Shop) -> None:
    checkout, payment_id = await bought(shop, "yookassa")
    made = shop.yookassa.refund(checkout)  # in the dashboard; its notification is not here yet

    status, body = await refund(shop, payment_id)

    assert (status, body["error"]["code"]) == (502, "refund_refused")
    assert await state() == (5, 0) and not receipts(shop)
    await yookassa_webhook(shop, "refund.succeeded", made)  # then it arrives: once
    assert await state() == (0, 1) and len(receipts(shop)) == 1


async def test_a_card_payment_of_a_gateway_not_configured_is_refunded_at_the_gateway(
    shop: Shop,
) -> None:
    _, payment_id = await bought(shop, "stripe")
    await Transaction.filter(id=payment_id).update(provider="paypal")

    status, body = await refund(shop, payment_id)

    assert (status, body["error"]["code"]) == (409, "refund_at_gateway")
    assert await listed(shop, payment_id) == (False, False) and await state() == (5, 0)
