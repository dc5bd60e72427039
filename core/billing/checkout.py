"""Card checkout: links offered in the bot, and opening a gateway's payment page for a link.

One ``CardPayment`` row per link (its nonce is unique), created before the gateway is asked, so
a reused link creates nothing; the gateway call is keyed by that row's id (idempotency key).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Protocol

from tortoise.exceptions import IntegrityError

from core.billing.catalogue import Catalogue
from core.billing.config import billing_key, card_payments_on, checkout_base_url
from core.billing.errors import GatewayError, UnknownItem
from core.billing.links import LinkRefused, sign_link, verify_link
from core.config import Settings
from core.db.models import CardPayment, PaymentStatus, User
from core.i18n import gettext_for, ngettext
from core.metrics import METRICS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CheckoutOrder:
    """What a gateway is asked to charge, as plain data."""

    payment_id: uuid.UUID
    amount_minor: int
    currency: str
    description: str
    return_url: str


class CardGateway(Protocol):
    name: str
    currency: str

    async def create_checkout(self, order: CheckoutOrder) -> tuple[str, str]:
        """Create the payment; (the gateway's payment id, the page to send the buyer to)."""
        ...


def card_links(settings: Settings, catalogue: Catalogue, user: User) -> list[tuple[str, str]]:
    """(label, signed link) for every package each configured card gateway sells."""
    key, base, billing = billing_key(settings), checkout_base_url(settings), settings.billing
    if not card_payments_on(settings) or key is None or base is None:
        return []
    gateways = [("stripe", billing.stripe_currency.upper())] if billing.stripe_enabled else []
    if billing.yookassa_enabled:
        gateways.append(("yookassa", "RUB"))
    links = []
    for provider, currency in gateways:
        for package in catalogue.packages_in(currency):
            price = package.price(currency)
            assert price is not None
            label = ngettext("{n} analysis", "{n} analyses", package.credits, user.language)
            text = f"{label.format(n=package.credits)} — {_money(price, currency)}"
            token = sign_link(key, user.id, package.code, provider, billing.checkout_link_ttl)
            links.append((text, f"{base}/checkout/{token}"))
    return links


def _money(amount_minor: int, currency: str) -> str:
    major, minor = divmod(amount_minor, 100)
    symbol = {"USD": "$", "EUR": "€", "RUB": "₽"}.get(currency, currency)
    if currency == "RUB":
        return f"{major} {symbol}" if not minor else f"{major},{minor:02d} {symbol}"
    return f"{symbol}{major}.{minor:02d}"


async def open_checkout(
    key: bytes,
    token: str,
    catalogue: Catalogue,
    gateways: dict[str, CardGateway],
    return_url: str,
) -> str:
    """The gateway page for a signed link. :class:`LinkRefused` for a bad, stale, reused or
    unknown link (nothing created); :class:`GatewayError` when the gateway fails."""
    link = verify_link(key, token)
    gateway = gateways.get(link.provider)
    if gateway is None:
        raise LinkRefused("provider")
    try:
        package = catalogue.package(link.item)
    except UnknownItem:
        raise LinkRefused("item") from None
    price = package.price(gateway.currency)
    user = await User.get_or_none(id=link.user_id)
    if price is None or user is None:
        raise LinkRefused("item")
    try:
        payment = await CardPayment.create(
            user_id=user.id,
            provider=gateway.name,
            item=package.code,
            credits=package.credits,
            amount_minor=price,
            currency=gateway.currency,
            link_nonce=link.nonce,
        )
    except IntegrityError:
        raise LinkRefused("reused") from None
    _ = gettext_for(user.language)
    label = ngettext("{n} analysis", "{n} analyses", package.credits, user.language)
    order = CheckoutOrder(
        payment_id=payment.id,
        amount_minor=price,
        currency=gateway.currency,
        description=_("OneiroScope: {label}").format(label=label.format(n=package.credits)),
        return_url=return_url,
    )
    try:
        ref, url = await gateway.create_checkout(order)
    except GatewayError:
        payment.status = PaymentStatus.CANCELED
        await payment.save(update_fields=["status", "updated_at"])
        METRICS.inc("billing_checkout_failures_total", provider=gateway.name)
        raise
    payment.provider_ref = ref
    await payment.save(update_fields=["provider_ref", "updated_at"])
    METRICS.inc("billing_checkouts_total", provider=gateway.name)
    return url
