"""Stripe: Checkout Sessions for one-time packages, and the webhook events that settle them.

The webhook is verified on the raw body with ``STRIPE_WEBHOOK_SECRET`` (the SDK's own scheme,
300 s tolerance); a forged or stale signature changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import stripe
from stripe.params.checkout import SessionCreateParams

from core.billing.cards import Receipt, settle_paid, settle_refunded
from core.billing.checkout import CheckoutOrder
from core.billing.errors import AlreadyRefunded, BillingError, GatewayError
from core.billing.refunds import GatewayRefund
from core.db.models import Transaction, TransactionKind
from core.metrics import METRICS

log = logging.getLogger(__name__)

PROVIDER = "stripe"
TIMEOUT_SECONDS = 15.0


class BadSignature(BillingError):
    """The webhook's ``Stripe-Signature`` does not verify (forged, stale or wrong secret)."""


class StripeGateway:
    name = PROVIDER

    def __init__(
        self, api_key: str, webhook_secret: str | None, currency: str, api_base: str | None
    ) -> None:
        self.currency = currency.upper()
        self._webhook_secret = webhook_secret
        self._http = stripe.AIOHTTPClient(timeout=TIMEOUT_SECONDS)
        self._client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_base} if api_base else None,
            http_client=self._http,
            max_network_retries=2,
        )

    async def create_checkout(self, order: CheckoutOrder) -> tuple[str, str]:
        params: SessionCreateParams = {
            "mode": "payment",
            "client_reference_id": str(order.payment_id),
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": order.currency.lower(),
                        "unit_amount": order.amount_minor,
                        "product_data": {"name": order.description},
                    },
                }
            ],
            "metadata": {"payment_id": str(order.payment_id)},
            "payment_intent_data": {"metadata": {"payment_id": str(order.payment_id)}},
            "success_url": order.return_url,
            "cancel_url": order.return_url,
        }
        try:
            async with _gateway_call():
                session = await self._client.v1.checkout.sessions.create_async(
                    params, {"idempotency_key": f"checkout:{order.payment_id}"}
                )
        except (stripe.StripeError, TimeoutError) as exc:
            METRICS.inc("billing_gateway_errors_total", provider=PROVIDER)
            log.warning("stripe checkout session not created: %s", type(exc).__name__)
            raise GatewayError("Stripe did not open the checkout; try again") from exc
        if not session.url:
            raise GatewayError("Stripe returned a session without a page")
        return session.id, session.url

    async def refund(
        self, charge_ref: str, amount_minor: int, currency: str, key: str
    ) -> GatewayRefund:
        """Refund the payment intent ``charge_ref`` in full (support's refund); named by its
        charge, as the ``charge.refunded`` webhook names it."""
        try:
            async with _gateway_call():
                refund = await self._client.v1.refunds.create_async(
                    {"payment_intent": charge_ref}, {"idempotency_key": key}
                )
        except stripe.InvalidRequestError as exc:
            if exc.code == "charge_already_refunded":
                raise AlreadyRefunded("Stripe had refunded this payment already") from exc
            log.warning("stripe refused a refund: %s", exc.code)
            raise GatewayError(f"Stripe refused the refund ({exc.code})") from exc
        except (stripe.StripeError, TimeoutError) as exc:
            METRICS.inc("billing_gateway_errors_total", provider=PROVIDER)
            log.warning("stripe refund not made: %s", type(exc).__name__)
            raise GatewayError("Stripe did not answer; try again") from exc
        if refund.status in ("failed", "canceled") or not refund.charge:
            raise GatewayError(f"Stripe did not refund ({refund.status})")
        charge = refund.charge if isinstance(refund.charge, str) else refund.charge.id
        return GatewayRefund(ref=charge, amount_minor=int(refund.amount))

    def verify(self, body: bytes, signature: str | None) -> stripe.Event:
        """The event, if the raw body is signed with our webhook secret; else BadSignature."""
        if self._webhook_secret is None:
            raise BadSignature("STRIPE_WEBHOOK_SECRET is not set: webhooks cannot be verified")
        try:
            return self._client.construct_event(body, signature, self._webhook_secret)
        except (stripe.SignatureVerificationError, ValueError) as exc:
            raise BadSignature(str(exc)) from exc

    async def handle(self, event: stripe.Event) -> Receipt | None:
        """Settle what the event reports; repeats settle nothing again."""
        obj: dict[str, Any] = event.data.object.to_dict()
        if event.type == "checkout.session.completed":
            if obj.get("payment_status") != "paid":
                return None  # an asynchronous method: its own event follows
            return await settle_paid(
                PROVIDER,
                str(obj["id"]),
                int(obj.get("amount_total") or 0),
                str(obj.get("currency") or ""),
                str(obj.get("payment_intent") or "") or None,
            )
        if event.type == "checkout.session.async_payment_succeeded":
            return await settle_paid(
                PROVIDER,
                str(obj["id"]),
                int(obj.get("amount_total") or 0),
                str(obj.get("currency") or ""),
                str(obj.get("payment_intent") or "") or None,
            )
        if event.type == "charge.refunded":
            return await self._refunded(obj)
        return None

    async def _refunded(self, charge: dict[str, Any]) -> Receipt | None:
        if not charge.get("refunded"):
            log.info("a partial Stripe refund: credits stay (settle by hand if needed)")
            return None
        checkout = await checkout_of_payment_intent(str(charge.get("payment_intent") or ""))
        if checkout is None:
            return None
        return await settle_refunded(PROVIDER, checkout, str(charge["id"]))

    async def aclose(self) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]


async def checkout_of_payment_intent(payment_intent: str) -> str | None:
    """The Checkout Session id whose purchase was recorded with this payment intent."""
    if not payment_intent:
        return None
    row = await Transaction.get_or_none(
        provider=PROVIDER, provider_ref=payment_intent, kind=TransactionKind.PURCHASE
    )
    if row is None:
        return None
    return row.idempotency_key.removeprefix(f"{PROVIDER}:")


@asynccontextmanager
async def _gateway_call() -> AsyncIterator[None]:
    """One Stripe call: its deadline (the SDK retries, ``max_network_retries``, within it) and
    its latency metric, whatever the outcome."""
    started = time.perf_counter()
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS * 2):
            yield
    finally:
        METRICS.observe("billing_gateway_seconds", time.perf_counter() - started, provider=PROVIDER)
