"""A local fake of the YooKassa API v3 endpoints the product calls, for the real ``yookassa`` SDK
(``Configuration.configure(shop, secret, api_url=fake.api_url)``). Payments are created
``pending`` (honouring ``Idempotence-Key``); a test moves them on with :meth:`set_status`.
Refunds are made by the API (``POST /v3/refunds``, idempotent, nothing beyond what was paid)
or by a test (:meth:`refund`, as the merchant's dashboard would)."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from aiohttp import web

SHOP_ID = "123456"
SECRET_KEY = "test_fake_yookassa_secret"


@dataclass
class FakeYooKassa:
    api_url: str = ""
    payments: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: list[dict[str, Any]] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)  # ids read back by GET
    refund_calls: int = 0  # every POST /v3/refunds
    _by_key: dict[str, str] = field(default_factory=dict)
    _refund_keys: dict[str, str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v3/payments", self._create)
        app.router.add_get("/v3/payments/{id}", self._get_payment)
        app.router.add_get("/v3/refunds/{id}", self._get_refund)
        app.router.add_post("/v3/refunds", self._create_refund)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.api_url = f"http://{host}:{port}/v3"
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def _authorised(self, request: web.Request) -> bool:
        expected = base64.b64encode(f"{SHOP_ID}:{SECRET_KEY}".encode()).decode()
        return request.headers.get("Authorization") == f"Basic {expected}"

    async def _create(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return web.json_response({"type": "error", "code": "invalid_credentials"}, status=401)
        key = request.headers.get("Idempotence-Key", "")
        if key in self._by_key:
            return web.json_response(self.payments[self._by_key[key]])
        params = await request.json()
        self.created.append(params)
        payment_id = (
            f"{secrets.token_hex(4)}-000f-5000-8000-{secrets.token_hex(6)}"  # 36 chars, as real ids
        )
        payment = {
            "id": payment_id,
            "status": "pending",
            "paid": False,
            "amount": params["amount"],
            "confirmation": {
                "type": "redirect",
                "confirmation_url": f"https://yoomoney.example/checkout/{payment_id}",
                "return_url": params["confirmation"]["return_url"],
            },
            "created_at": "2026-12-07T10:00:00.000Z",
            "description": params.get("description", ""),
            "metadata": params.get("metadata", {}),
            "recipient": {"account_id": SHOP_ID, "gateway_id": "1"},
            "refundable": False,
            "test": True,
        }
        self.payments[payment_id] = payment
        self._by_key[key] = payment_id
        return web.json_response(payment)

    async def _get_payment(self, request: web.Request) -> web.Response:
        payment_id = request.match_info["id"]
        self.reads.append(payment_id)
        if not self._authorised(request) or payment_id not in self.payments:
            return web.json_response({"type": "error", "code": "not_found"}, status=404)
        return web.json_response(self.payments[payment_id])

    async def _get_refund(self, request: web.Request) -> web.Response:
        refund_id = request.match_info["id"]
        self.reads.append(refund_id)
        if not self._authorised(request) or refund_id not in self.refunds:
            return web.json_response({"type": "error", "code": "not_found"}, status=404)
        return web.json_response(self.refunds[refund_id])

    async def _create_refund(self, request: web.Request) -> web.Response:
        self.refund_calls += 1
        if not self._authorised(request):
            return web.json_response({"type": "error", "code": "invalid_credentials"}, status=401)
        key = request.headers.get("Idempotence-Key", "")
        if key and key in self._refund_keys:
            return web.json_response(self.refunds[self._refund_keys[key]])
        params = await request.json()
        payment = self.payments.get(str(params.get("payment_id")))
        if payment is None or payment["status"] != "succeeded":
            return _error("Payment not found or not succeeded")
        if self.refunded_minor(payment["id"]) + _minor(params["amount"]["value"]) > _minor(
            payment["amount"]["value"]
        ):
            return _error("Refund amount exceeds what is left of the payment")
        refund_id = self.refund(payment["id"], params["amount"]["value"])
        self._refund_keys[key] = refund_id
        return web.json_response(self.refunds[refund_id])

    def refunded_minor(self, payment_id: str) -> int:
        return sum(
            _minor(r["amount"]["value"])
            for r in self.refunds.values()
            if r["payment_id"] == payment_id
        )

    def set_status(self, payment_id: str, status: str) -> None:
        self.payments[payment_id].update(status=status, paid=status == "succeeded")

    def refund(self, payment_id: str, value: str | None = None) -> str:
        """A succeeded refund of the payment (in full unless ``value``); its id."""
        payment = self.payments[payment_id]
        refund_id = f"{secrets.token_hex(4)}-0015-5000-9000-{secrets.token_hex(6)}"
        self.refunds[refund_id] = {
            "id": refund_id,
            "payment_id": payment_id,
            "status": "succeeded",
            "amount": {**payment["amount"], **({"value": value} if value else {})},
            "created_at": "2026-12-07T11:00:00.000Z",
        }
        payment["status"] = "succeeded"
        return refund_id

    @staticmethod
    def notification(event: str, obj: dict[str, Any]) -> dict[str, Any]:
        return {"type": "notification", "event": event, "object": obj}


def _minor(value: str) -> int:
    major, _, minor = value.partition(".")
    return int(major) * 100 + int((minor + "00")[:2])


def _error(description: str) -> web.Response:
    body = {"type": "error", "code": "invalid_request", "description": description}
    return web.json_response(body, status=400)
