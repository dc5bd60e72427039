"""Payment webhooks: Stripe verified on the raw body, YooKassa trusted only after the API says
so; every event credits at most once, however often and however concurrently it arrives."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiohttp import ClientSession

from core.billing.links import sign_link
from core.db.models import CardPayment, Transaction, User
from tests.fakes.stripe_server import signed
from tests.miniapp.billing_harness import BillingApp, billing_app


async def _checkout(app: BillingApp, user: User, provider: str, item: str = "p5") -> str:
    token = sign_link(app.key, user.id, item, provider, ttl=600)
    async with (
        ClientSession() as http,
        http.get(f"{app.url}/checkout/{token}", allow_redirects=False) as response,
    ):
        assert response.status == 303
    payment = await CardPayment.get(user_id=user.id, provider=provider)
    assert payment.provider_ref is not None
    return payment.provider_ref


async def _post_stripe(app: BillingApp, body: bytes, signature: str) -> int:
    headers = {"Stripe-Signature": signature, "Content-Type": "application/json"}
    async with (
        ClientSession() as http,
        http.post(f"{app.url}/webhooks/stripe", data=body, headers=headers) as response,
    ):
        return response.status


async def _post_yookassa(app: BillingApp, body: dict[str, Any]) -> int:
    async with (
        ClientSession() as http,
        http.post(f"{app.url}/webhooks/yookassa", json=body) as response,
    ):
        return response.status


async def _state(user: User) -> tuple[int, int]:
    await user.refresh_from_db()
    return user.dream_balance, await Transaction.filter(user_id=user.id).count()


async def test_the_same_stripe_event_five_times_at_once_is_credited_once(database: str) -> None:
    user = await User.create(telegram_id=21, language="ru")
    async with billing_app() as app:
        session = await _checkout(app, user, "stripe")
        body, signature = signed(app.stripe.completed_event(session))

        statuses = await asyncio.gather(*(_post_stripe(app, body, signature) for _ in range(5)))

        assert statuses == [200] * 5
        assert await _state(user) == (5, 1)
        assert (await CardPayment.get(provider_ref=session)).status == "succeeded"
        (receipt,) = app.receipts.sent
        assert receipt[0] == 21 and "Чек" in receipt[1] and "5 разборов" in receipt[1]


async def test_a_forged_or_stale_stripe_signature_is_refused_and_changes_nothing(
    database: str,
) -> None:
    user = await User.create(telegram_id=22)
    async with billing_app() as app:
        session = await _checkout(app, user, "stripe")
        event = app.stripe.completed_event(session)
        forged = signed(event, secret="whsec_someone_else")
        stale = signed(event, timestamp=int(time.time()) - 3600)
        body, good = signed(event)
        tampered_body = body.replace(b'"amount_total": 299', b'"amount_total": 1')

        statuses = [
            await _post_stripe(app, *forged),
            await _post_stripe(app, *stale),
            await _post_stripe(app, tampered_body, good),
            await _post_stripe(app, body, ""),
        ]

        assert statuses == [400, 400, 400, 400]
        assert await _state(user) == (0, 0)
        assert not app.receipts.sent


async def test_a_stripe_amount_that_differs_from_the_order_is_not_credited(
    database: str,
) -> None:
    user = await User.create(telegram_id=23)
    async with billing_app() as app:
        session = await _checkout(app, user, "stripe")
        status = await _post_stripe(app, *signed(app.stripe.completed_event(session, 1)))
        assert status == 200
        assert await _state(user) == (0, 0)


async def test_a_stripe_refund_takes_the_credits_back_once(database: str) -> None:
    user = await User.create(telegram_id=24)
    async with billing_app() as app:
        session = await _checkout(app, user, "stripe")
        await _post_stripe(app, *signed(app.stripe.completed_event(session)))
        refund = app.stripe.refunded_event(session)

        await _post_stripe(app, *signed(refund))
        await _post_stripe(app, *signed(refund))

        assert await _state(user) == (0, 2)
        assert (await CardPayment.get(provider_ref=session)).status == "refunded"
        assert "Refund" in app.receipts.sent[-1][1]


async def test_a_yookassa_notification_is_trusted_only_as_far_as_the_api_confirms(
    database: str,
) -> None:
    user = await User.create(telegram_id=25)
    async with billing_app() as app:
        payment_id = await _checkout(app, user, "yookassa")
        # A notification claiming success while the API says the payment is still pending.
        claim = app.yookassa.notification(
            "payment.succeeded", {"id": payment_id, "status": "succeeded", "paid": True}
        )
        assert await _post_yookassa(app, claim) == 200
        assert await _state(user) == (0, 0)
        assert payment_id in app.yookassa.reads  # read back from the API

        app.yookassa.set_status(payment_id, "succeeded")
        statuses = await asyncio.gather(*(_post_yookassa(app, claim) for _ in range(5)))

        assert statuses == [200] * 5
        assert await _state(user) == (5, 1)
        assert len(app.receipts.sent) == 1


async def test_a_yookassa_cancel_and_refund_follow_the_api(database: str) -> None:
    user = await User.create(telegram_id=26)
    async with billing_app() as app:
        payment_id = await _checkout(app, user, "yookassa")
        app.yookassa.set_status(payment_id, "succeeded")
        await _post_yookassa(
            app, app.yookassa.notification("payment.succeeded", {"id": payment_id})
        )
        refund_id = app.yookassa.refund(payment_id)

        await _post_yookassa(app, app.yookassa.notification("refund.succeeded", {"id": refund_id}))

        assert await _state(user) == (0, 2)
        other = await User.create(telegram_id=27)
        canceled = await _checkout(app, other, "yookassa")
        app.yookassa.set_status(canceled, "canceled")
        await _post_yookassa(app, app.yookassa.notification("payment.canceled", {"id": canceled}))
        assert (await CardPayment.get(provider_ref=canceled)).status == "canceled"


async def test_yookassa_notifications_from_outside_its_networks_are_refused(
    database: str,
) -> None:
    user = await User.create(telegram_id=28)
    async with billing_app(yookassa_check_ip=True) as app:
        payment_id = await _checkout(app, user, "yookassa")
        app.yookassa.set_status(payment_id, "succeeded")
        body = app.yookassa.notification("payment.succeeded", {"id": payment_id})

        assert await _post_yookassa(app, body) == 403  # the test client is 127.0.0.1
        assert await _state(user) == (0, 0)
        assert payment_id not in app.yookassa.reads


async def test_a_partial_yookassa_refund_leaves_the_credits(database: str) -> None:
    user = await User.create(telegram_id=29)
    async with billing_app() as app:
        payment_id = await _checkout(app, user, "yookassa")
        app.yookassa.set_status(payment_id, "succeeded")
        await _post_yookassa(
            app, app.yookassa.notification("payment.succeeded", {"id": payment_id})
        )
        refund_id = app.yookassa.refund(payment_id, value="100.00")

        await _post_yookassa(app, app.yookassa.notification("refund.succeeded", {"id": refund_id}))

        assert await _state(user) == (5, 1)
