"""A signed card-checkout link: valid → the (fake) Stripe or YooKassa page; expired, reused or
tampered → 403 and nothing created, neither with us nor at the gateway."""

from __future__ import annotations

import time

from aiohttp import ClientSession

from core.billing.links import sign_link
from core.db.models import CardPayment, User
from tests.miniapp.billing_harness import BillingApp, billing_app


async def _open(app: BillingApp, token: str) -> tuple[int, str]:
    async with (
        ClientSession() as http,
        http.get(f"{app.url}/checkout/{token}", allow_redirects=False) as response,
    ):
        return response.status, response.headers.get("Location", "")


async def test_a_valid_link_redirects_to_a_stripe_checkout_session(database: str) -> None:
    user = await User.create(telegram_id=11)
    async with billing_app() as app:
        token = sign_link(app.key, user.id, "p5", "stripe", ttl=600)

        status, location = await _open(app, token)

        assert status == 303
        (session,) = app.stripe.sessions.values()
        assert location == session["url"]
        assert (session["amount_total"], session["currency"]) == (299, "usd")
        payment = await CardPayment.get(user_id=user.id)
        assert (payment.provider_ref, payment.credits, payment.status) == (
            session["id"],
            5,
            "pending",
        )


async def test_a_valid_link_redirects_to_a_yookassa_payment(database: str) -> None:
    user = await User.create(telegram_id=12)
    async with billing_app() as app:
        status, location = await _open(app, sign_link(app.key, user.id, "p15", "yookassa", 600))

        assert status == 303
        (created,) = app.yookassa.created
        assert created["amount"] == {"value": "699.00", "currency": "RUB"}
        assert location.startswith("https://yoomoney.example/checkout/")


async def test_an_expired_link_is_refused_and_creates_nothing(database: str) -> None:
    user = await User.create(telegram_id=13)
    async with billing_app() as app:
        token = sign_link(app.key, user.id, "p5", "stripe", ttl=60, now=time.time() - 120)

        status, _ = await _open(app, token)

        assert status == 403
        assert not app.stripe.created and await CardPayment.all().count() == 0


async def test_a_reused_link_is_refused_the_second_time(database: str) -> None:
    user = await User.create(telegram_id=14)
    async with billing_app() as app:
        token = sign_link(app.key, user.id, "p5", "stripe", ttl=600)

        first, _ = await _open(app, token)
        second, _ = await _open(app, token)

        assert (first, second) == (303, 403)
        assert len(app.stripe.created) == 1 and await CardPayment.all().count() == 1


async def test_a_tampered_link_is_refused_and_creates_nothing(database: str) -> None:
    user = await User.create(telegram_id=15)
    async with billing_app() as app:
        token = sign_link(app.key, user.id, "p5", "stripe", ttl=600)
        other = await User.create(telegram_id=16)
        tampered = [
            token.replace(".p5.", ".p50."),  # a bigger package for the same price
            token.replace(user.id.hex, other.id.hex),  # someone else's account
            token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # the signature
            sign_link(b"not-our-key", user.id, "p5", "stripe", ttl=600),
        ]
        statuses = [(await _open(app, t))[0] for t in tampered]

        assert statuses == [403, 403, 403, 403]
        assert not app.stripe.created and await CardPayment.all().count() == 0
