"""A local fake of the YooKassa API v3 endpoints the product calls, for the real ``yookassa`` SDK
(``Configuration.configure(shop, secret, api_url=fake.api_url)``). Payments are created
``pending`` (honouring ``Idempotence-Key``); a test moves them on with :meth:`set_status`."""

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
    _by_key: dict[str, str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v3/payments", self._create)
        app.router.add_get("/v3/payments/{id}", self._get_payment)
        app.router.add_get("/v3/refunds/{id}", self._get_refund)
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
        payment_id = f"2f{secrets.token_hex(7)}-000f-5000-8000-{secrets.token_hex(6)}"
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

    def set_status(self, payment_id: str, status: str) -> None:
        self.payments[payment_id].update(status=status, paid=status == "succeeded")

    def refund(self, payment_id: str, value: str | None = None) -> str:
        """A succeeded refund of the payment (in full unless ``value``); its id."""
        payment = self.payments[payment_id]
        refund_id = f"2f{secrets.token_hex(7)}-0015-5000-9000-{secrets.token_hex(6)}"
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
