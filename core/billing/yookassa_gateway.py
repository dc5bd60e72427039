"""YooKassa: payments for packages in roubles, and notifications trusted only after the payment
(or refund) is read back from YooKassa's API — the notifications themselves are unsigned.

The SDK is synchronous (requests) and configured process-wide, so it is configured once here
and every call runs in a thread with a deadline; its network errors surface as odd exceptions
(e.g. ``AttributeError``), all of which mean "YooKassa did not answer".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from yookassa import Configuration, Payment, Refund  # type: ignore[import-untyped]
from yookassa.domain.common import SecurityHelper  # type: ignore[import-untyped]
from yookassa.domain.exceptions import BadRequestError  # type: ignore[import-untyped]

from core.billing.cards import Receipt, settle_canceled, settle_paid, settle_refunded
from core.billing.checkout import CheckoutOrder
from core.billing.errors import GatewayError
from core.billing.refunds import GatewayRefund
from core.metrics import METRICS

log = logging.getLogger(__name__)

PROVIDER = "yookassa"
TIMEOUT_SECONDS = 15.0
T = TypeVar("T")


def to_minor(value: str) -> int:
    """ "299.00" → 29900 (kopecks); never through float."""
    try:
        return int((Decimal(value) * 100).to_integral_exact())
    except (InvalidOperation, ValueError) as exc:
        raise GatewayError(f"YooKassa sent an amount we cannot read: {value!r}") from exc


def from_minor(amount_minor: int) -> str:
    major, minor = divmod(amount_minor, 100)
    return f"{major}.{minor:02d}"


class YooKassaGateway:
    name = PROVIDER
    currency = "RUB"

    def __init__(self, shop_id: str, secret_key: str, api_url: str | None, check_ip: bool) -> None:
        options = {"api_url": api_url} if api_url else {}
        # Process-wide in the SDK: configured once, from the one Settings object.
        Configuration.configure(shop_id, secret_key, max_attempts=1, **options)
        self.check_ip = check_ip

    async def _call(self, function: Callable[..., T], *args: Any) -> T:
        """One SDK call in a thread, bounded by a deadline (the SDK's requests has none); one
        attempt here, since YooKassa retries its notifications and buyers retry a link."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                return await asyncio.to_thread(function, *args)
        except Exception as exc:  # the SDK raises anything from ApiError to AttributeError
            METRICS.inc("billing_gateway_errors_total", provider=PROVIDER)
            log.warning("yookassa call failed: %s", type(exc).__name__)
            raise GatewayError("YooKassa did not answer; try again") from exc
        finally:
            METRICS.observe(
                "billing_gateway_seconds", time.perf_counter() - started, provider=PROVIDER
            )

    async def create_checkout(self, order: CheckoutOrder) -> tuple[str, str]:
        params = {
            "amount": {"value": from_minor(order.amount_minor), "currency": order.currency},
            "capture": True,
            "confirmation": {"type": "redirect", "return_url": order.return_url},
            "description": order.description[:128],
            "metadata": {"payment_id": str(order.payment_id)},
        }
        payment = await self._call(Payment.create, params, f"checkout:{order.payment_id}")
        url = getattr(payment.confirmation, "confirmation_url", None)
        if not payment.id or not url:
            raise GatewayError("YooKassa returned a payment without a page")
        return str(payment.id), str(url)

    async def refund(
        self, charge_ref: str, amount_minor: int, currency: str, key: str
    ) -> GatewayRefund:
        """Refund the payment ``charge_ref`` in full (support's refund); named by the refund's
        id, as the ``refund.succeeded`` notification names it."""
        params = {
            "payment_id": charge_ref,
            "amount": {"value": from_minor(amount_minor), "currency": currency},
        }
        try:
            refund = await self._call(Refund.create, params, key)
        except GatewayError as exc:
            if isinstance(exc.__cause__, BadRequestError):  # e.g. nothing left to refund
                raise GatewayError("YooKassa refused the refund") from exc
            raise
        if refund.status == "canceled" or not refund.id:
            raise GatewayError("YooKassa did not refund (canceled)")
        return GatewayRefund(ref=str(refund.id), amount_minor=to_minor(str(refund.amount.value)))

    def trusted_sender(self, ip: str | None) -> bool:
        if not self.check_ip:
            return True
        try:
            return ip is not None and bool(SecurityHelper().is_ip_trusted(ip))
        except Exception:  # netaddr refuses a malformed address: not YooKassa's
            return False

    async def handle(self, body: dict[str, Any]) -> Receipt | None:
        """Act on a notification only as far as the API confirms it."""
        event = body.get("event")
        obj = body.get("object") if isinstance(body.get("object"), dict) else None
        object_id = str(obj.get("id") or "") if obj else ""
        if not object_id:
            return None
        if event in ("payment.succeeded", "payment.canceled"):
            payment = await self._call(Payment.find_one, object_id)
            if payment.status == "succeeded" and payment.paid:
                amount = payment.amount
                return await settle_paid(
                    PROVIDER,
                    str(payment.id),
                    to_minor(str(amount.value)),
                    str(amount.currency),
                    str(payment.id),
                )
            if payment.status == "canceled":
                await settle_canceled(PROVIDER, str(payment.id))
            return None
        if event == "refund.succeeded":
            refund = await self._call(Refund.find_one, object_id)
            if refund.status != "succeeded":
                return None
            return await settle_refunded(
                PROVIDER,
                str(refund.payment_id),
                str(refund.id),
                to_minor(str(refund.amount.value)),
            )
        return None
