"""A local fake of the few Stripe API endpoints the product calls, for the real ``stripe`` SDK.

``StripeClient(key, base_addresses={"api": fake.base_url})`` talks to it. It creates Checkout
Sessions and refunds (honouring ``Idempotency-Key``; a charge is refunded once, then
``charge_already_refunded``), checks the bearer key, and builds webhook events signed with the
SDK's own scheme (``WebhookSignature.generate_signature_header``).
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import stripe
from aiohttp import web

API_KEY = "sk_test_fake_oneiroscope"
WEBHOOK_SECRET = "whsec_fake_oneiroscope"


def _nested(form: dict[str, str]) -> dict[str, Any]:
    """Stripe's form encoding (``a[b][0][c]=v``) back into nested dicts (lists as dicts)."""
    result: dict[str, Any] = {}
    for key, value in form.items():
        parts = key.replace("]", "").split("[")
        node = result
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return result


@dataclass
class FakeStripe:
    base_url: str = ""
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: list[dict[str, Any]] = field(default_factory=list)  # every create call's params
    #: Refunds made through the API, by id; ``refund_calls`` counts every POST /v1/refunds.
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    refund_calls: int = 0
    _by_key: dict[str, str] = field(default_factory=dict)
    _refund_keys: dict[str, str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/checkout/sessions", self._create_session)
        app.router.add_post("/v1/refunds", self._create_refund)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _create_session(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bearer {API_KEY}":
            return web.json_response({"error": {"type": "invalid_request_error"}}, status=401)
        key = request.headers.get("Idempotency-Key", "")
        if key in self._by_key:
            return web.json_response(self.sessions[self._by_key[key]])
        params = _nested(dict(await request.post()))  # type: ignore[arg-type]
        self.created.append(params)
        item = params["line_items"]["0"]
        session_id = f"cs_test_{secrets.token_hex(8)}"
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "url": f"{self.base_url}/pay/{session_id}",
            "amount_total": int(item["price_data"]["unit_amount"]),
            "currency": item["price_data"]["currency"],
            "payment_status": "unpaid",
            "status": "open",
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "payment_intent": None,
        }
        self.sessions[session_id] = session
        self._by_key[key] = session_id
        return web.json_response(session)

    async def _create_refund(self, request: web.Request) -> web.Response:
        self.refund_calls += 1
        if request.headers.get("Authorization") != f"Bearer {API_KEY}":
            return web.json_response({"error": {"type": "invalid_request_error"}}, status=401)
        key = request.headers.get("Idempotency-Key", "")
        if key and key in self._refund_keys:
            return web.json_response(self.refunds[self._refund_keys[key]])
        intent = str((await request.post()).get("payment_intent", ""))
        session = next((s for s in self.sessions.values() if s["payment_intent"] == intent), None)
        if session is None:
            return _error(404, "resource_missing", f"No such payment_intent: '{intent}'")
        charge = f"ch_{session['id'][8:]}"
        if session.get("refunded"):
            return _error(400, "charge_already_refunded", f"Charge {charge} has been refunded.")
        session["refunded"] = True
        refund = {
            "id": f"re_{secrets.token_hex(8)}",
            "object": "refund",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "charge": charge,
            "payment_intent": intent,
            "status": "succeeded",
        }
        self.refunds[refund["id"]] = refund
        self._refund_keys[key] = refund["id"]
        return web.json_response(refund)

    # --- webhook events --------------------------------------------------------------------

    def completed_event(self, session_id: str, amount_total: int | None = None) -> dict[str, Any]:
        """``checkout.session.completed`` for a paid session (optionally a different amount)."""
        session = dict(self.sessions[session_id])
        session.update(
            payment_status="paid",
            status="complete",
            payment_intent=f"pi_{session_id[8:]}",
        )
        if amount_total is not None:
            session["amount_total"] = amount_total
        self.sessions[session_id] = session
        return _event("checkout.session.completed", session)

    def refunded_event(self, session_id: str) -> dict[str, Any]:
        """``charge.refunded`` for the session's charge (refunded in the dashboard, or by
        an earlier API refund)."""
        session = self.sessions[session_id]
        session["refunded"] = True
        charge = {
            "id": f"ch_{session_id[8:]}",
            "object": "charge",
            "amount": session["amount_total"],
            "amount_refunded": session["amount_total"],
            "currency": session["currency"],
            "payment_intent": session["payment_intent"],
            "refunded": True,
        }
        return _event("charge.refunded", charge)


def _error(status: int, code: str, message: str) -> web.Response:
    body = {"error": {"type": "invalid_request_error", "code": code, "message": message}}
    return web.json_response(body, status=status)


def _event(kind: str, obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"evt_{secrets.token_hex(8)}",
        "object": "event",
        "type": kind,
        "created": int(time.time()),
        "api_version": "2024-06-20",
        "livemode": False,
        "data": {"object": obj},
    }


def signed(
    event: dict[str, Any], secret: str = WEBHOOK_SECRET, timestamp: int | None = None
) -> tuple[bytes, str]:
    """The raw body and its ``Stripe-Signature`` header, as Stripe sends them."""
    body = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(
        body, secret, timestamp=timestamp or int(time.time())
    )
    return body.encode(), header
