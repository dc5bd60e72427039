"""Bot API payment methods of the fake, with Telegram Stars rules enforced.

Stars (currency ``XTR``): ``provider_token`` empty, exactly one price, subscriptions only via
``createInvoiceLink(subscription_period=2592000)``. The 400 descriptions for those rules are the
fake's own wording (prefixed ``Bad Request:`` like Telegram's); products should not match on them.
"""

from __future__ import annotations

import secrets
from typing import Any

from tests.fakes.telegram_forms import ApiRequest
from tests.fakes.telegram_methods import Handler, chat_id_of, inline_markup, require
from tests.fakes.telegram_state import World, bad_request

STARS = "XTR"
SUBSCRIPTION_PERIOD = 2592000


def _check_invoice(params: dict[str, Any]) -> int:
    """Validate invoice fields shared by sendInvoice and createInvoiceLink; the total amount."""
    title = str(require(params, "title"))
    description = str(require(params, "description"))
    payload = str(require(params, "payload"))
    currency = str(require(params, "currency"))
    prices = require(params, "prices")
    if len(title) > 32 or len(description) > 255 or len(payload.encode()) > 128:
        raise bad_request("invoice title, description or payload is too long")
    if not isinstance(prices, list) or not prices:
        raise bad_request("prices must be a non-empty list of LabeledPrice")
    if currency == STARS:
        if params.get("provider_token"):
            raise bad_request("provider_token must be empty for payments in Telegram Stars")
        if len(prices) != 1:
            raise bad_request("payments in Telegram Stars must have exactly one price")
    total = sum(int(price.get("amount", 0)) for price in prices)
    if total <= 0:
        raise bad_request("invoice total amount must be positive")
    return total


def send_invoice(world: World, req: ApiRequest) -> dict[str, Any]:
    """sendInvoice: a bot Message with an ``invoice``."""
    params = req.params
    chat_id = chat_id_of(params)
    if params.get("subscription_period"):
        raise bad_request("subscriptions are only available through createInvoiceLink")
    total = _check_invoice(params)
    invoice = {
        "title": params["title"],
        "description": params["description"],
        "start_parameter": str(params.get("start_parameter") or ""),
        "currency": params["currency"],
        "total_amount": total,
    }
    return world.new_bot_message(chat_id, {"invoice": invoice} | inline_markup(params))


def create_invoice_link(world: World, req: ApiRequest) -> str:
    """createInvoiceLink: a t.me link; Stars subscriptions must last exactly 30 days."""
    params = req.params
    _check_invoice(params)
    period = params.get("subscription_period")
    if period is not None and (period != SUBSCRIPTION_PERIOD or params["currency"] != STARS):
        raise bad_request("subscription_period must be 2592000 and the currency XTR")
    return f"https://t.me/$fake{secrets.token_urlsafe(12)}"


def answer_pre_checkout_query(world: World, req: ApiRequest) -> bool:
    """answerPreCheckoutQuery: once per pushed query; a refusal needs an error_message."""
    query_id = str(require(req.params, "pre_checkout_query_id"))
    payments = world.payments
    if query_id not in payments.open_queries:
        raise bad_request("QUERY_ID_INVALID")
    accepted = bool(req.params.get("ok"))
    if not accepted and not req.params.get("error_message"):
        raise bad_request("error_message must be non-empty when ok is false")
    payments.open_queries.discard(query_id)
    payments.answers[query_id] = accepted
    return True


def refund_star_payment(world: World, req: ApiRequest) -> bool:
    """refundStarPayment: only a pushed successful payment of that user, only once."""
    charge_id = str(require(req.params, "telegram_payment_charge_id"))
    user_id = require(req.params, "user_id")
    payments = world.payments
    if payments.charges.get(charge_id) != user_id:
        raise bad_request("CHARGE_NOT_FOUND")
    if charge_id in payments.refunded:
        raise bad_request("CHARGE_ALREADY_REFUNDED")
    payments.refunded.add(charge_id)
    return True


def edit_user_star_subscription(world: World, req: ApiRequest) -> bool:
    """editUserStarSubscription: cancel or re-enable a subscription paid by that user."""
    charge_id = str(require(req.params, "telegram_payment_charge_id"))
    user_id = require(req.params, "user_id")
    require(req.params, "is_canceled")
    if world.payments.charges.get(charge_id) != user_id:
        raise bad_request("CHARGE_NOT_FOUND")
    return True


PAYMENT_METHODS: dict[str, Handler] = {
    "sendInvoice": send_invoice,
    "createInvoiceLink": create_invoice_link,
    "answerPreCheckoutQuery": answer_pre_checkout_query,
    "refundStarPayment": refund_star_payment,
    "editUserStarSubscription": edit_user_star_subscription,
}
