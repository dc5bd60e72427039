"""Card payments on the web app: a signed link opens the gateway's page; the gateways' webhooks
settle the payments and the buyer gets a receipt in Telegram."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import aiohttp_jinja2
from aiohttp import web

from core.billing.cards import Receipt
from core.billing.catalogue import load_catalogue
from core.billing.checkout import open_checkout
from core.billing.config import billing_key, checkout_base_url
from core.billing.errors import GatewayError
from core.billing.gateways import CardGateways, build_card_gateways
from core.billing.links import LinkRefused
from core.billing.receipts import ReceiptSender
from core.billing.stripe_gateway import BadSignature
from core.i18n import N_, gettext_for
from core.metrics import METRICS
from miniapp.i18n import page_context, request_locale
from miniapp.keys import SERVICES

log = logging.getLogger(__name__)

GATEWAYS: web.AppKey[CardGateways] = web.AppKey("card_gateways", CardGateways)
routes = web.RouteTableDef()


def setup_billing(app: web.Application) -> None:
    app.add_routes(routes)
    app.cleanup_ctx.append(_gateways)


async def _gateways(app: web.Application) -> AsyncIterator[None]:
    gateways = build_card_gateways(app[SERVICES].settings.billing)
    app[GATEWAYS] = gateways
    yield
    await gateways.aclose()


def _page(request: web.Request, status: int, title: str, text: str) -> web.Response:
    """A short page in the visitor's language (``title`` and ``text`` are msgids)."""
    translate = gettext_for(request_locale(request))
    context = page_context(request, title=translate(title), text=translate(text))
    return aiohttp_jinja2.render_template("message.html", request, context, status=status)


@routes.get("/checkout/done")
async def checkout_done(request: web.Request) -> web.Response:
    return _page(
        request,
        200,
        N_("Thank you!"),
        N_(
            "When the payment is confirmed, the bot sends you a receipt and your analyses "
            "are ready."
        ),
    )


@routes.get("/checkout/{token}")
async def checkout(request: web.Request) -> web.StreamResponse:
    """A signed link from the bot → the gateway's payment page (303), or 403 with nothing
    created for a tampered, expired or reused link."""
    settings = request.app[SERVICES].settings
    key = billing_key(settings)
    if key is None:
        raise web.HTTPNotFound()
    return_url = f"{checkout_base_url(settings) or ''}/checkout/done"
    try:
        url = await open_checkout(
            key,
            request.match_info["token"],
            load_catalogue(settings.billing.catalogue_json),
            dict(request.app[GATEWAYS].by_name()),
            return_url,
        )
    except LinkRefused as refused:
        METRICS.inc("billing_links_refused_total", reason=refused.reason)
        return _page(
            request,
            403,
            N_("This payment link cannot be used"),
            N_(
                "It has expired, was already used, or is not valid. Open /buy in the bot for a "
                "new one."
            ),
        )
    except GatewayError:
        return _page(
            request,
            502,
            N_("The payment page did not open"),
            N_("Nothing was charged. Please try again in a minute with a new link from /buy."),
        )
    raise web.HTTPSeeOther(url)


@routes.post("/webhooks/stripe")
async def stripe_webhook(request: web.Request) -> web.Response:
    """Verified on the raw body; 400 for a bad signature (nothing changes)."""
    gateway = request.app[GATEWAYS].stripe
    if gateway is None:
        raise web.HTTPNotFound()
    body = await request.read()
    try:
        event = gateway.verify(body, request.headers.get("Stripe-Signature"))
    except BadSignature:
        METRICS.inc("billing_webhooks_rejected_total", provider="stripe")
        return web.json_response({"error": "bad signature"}, status=400)
    await _send(request, await gateway.handle(event))
    return web.json_response({"received": True})


@routes.post("/webhooks/yookassa")
async def yookassa_webhook(request: web.Request) -> web.Response:
    """Unsigned notifications: the sender's IP where configured, then the API's own word."""
    gateway = request.app[GATEWAYS].yookassa
    if gateway is None:
        raise web.HTTPNotFound()
    if not gateway.trusted_sender(request.remote):
        METRICS.inc("billing_webhooks_rejected_total", provider="yookassa")
        return web.json_response({"error": "forbidden"}, status=403)
    try:
        body = json.loads(await request.read())
    except (json.JSONDecodeError, UnicodeDecodeError):
        return web.json_response({"error": "bad request"}, status=400)
    if not isinstance(body, dict):
        return web.json_response({"error": "bad request"}, status=400)
    try:
        receipt = await gateway.handle(body)
    except GatewayError:
        # YooKassa retries a notification that did not get 200: ask for that.
        return web.json_response({"error": "try again"}, status=503)
    await _send(request, receipt)
    return web.json_response({"received": True})


async def _send(request: web.Request, receipt: Receipt | None) -> None:
    sender: ReceiptSender | None = request.app[SERVICES].receipts
    if receipt is None or sender is None:
        return
    await sender.send_receipt(receipt.telegram_id, receipt.text)
