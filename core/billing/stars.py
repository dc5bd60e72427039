"""Telegram Stars: invoices for packages and plans, the pre-checkout check, and crediting a
``successful_payment`` exactly once (keyed by ``telegram_payment_charge_id``).

Stars rules: currency ``XTR``, an empty provider token, exactly one price; subscriptions only
through an invoice link with a 30-day period, renewed by Telegram (``is_recurring``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient

from core.billing.catalogue import STARS, STARS_PERIOD_SECONDS, Catalogue
from core.billing.errors import UnknownItem
from core.billing.ledger import LedgerEntry, Posted, post
from core.billing.subscriptions import start_or_renew
from core.db.models import TransactionKind, User
from core.i18n import N_, gettext_for, ngettext

PROVIDER = "stars"
PACKAGE, PLAN = "pkg", "sub"


@dataclass(frozen=True, slots=True)
class Invoice:
    """What ``sendInvoice`` / ``createInvoiceLink`` need, in the user's language."""

    title: str
    description: str
    payload: str
    label: str
    amount: int  # stars
    subscription_period: int | None = None


@dataclass(frozen=True, slots=True)
class Payload:
    kind: str  # pkg | sub
    code: str
    user_id: uuid.UUID


def encode_payload(kind: str, code: str, user_id: uuid.UUID) -> str:
    return f"{kind}:{code}:{user_id.hex}"


def parse_payload(raw: str) -> Payload | None:
    parts = raw.split(":")
    if len(parts) != 3 or parts[0] not in (PACKAGE, PLAN):
        return None
    try:
        return Payload(parts[0], parts[1], uuid.UUID(hex=parts[2]))
    except ValueError:
        return None


def package_invoice(catalogue: Catalogue, code: str, user: User) -> Invoice:
    """Raises :class:`UnknownItem` for a code that is not sold in Stars."""
    package = catalogue.package(code)
    price = package.price(STARS)
    if price is None:
        raise UnknownItem(f"package {code!r} has no price in Stars")
    _ = gettext_for(user.language)
    label = ngettext("{n} analysis", "{n} analyses", package.credits, user.language).format(
        n=package.credits
    )
    return Invoice(
        title=_("OneiroScope: {label}").format(label=label),
        description=_(
            "{label} of your dreams: Hall/Van de Castle coding, the lunar night and an "
            "interpretation. Credits never expire."
        ).format(label=label),
        payload=encode_payload(PACKAGE, package.code, user.id),
        label=label,
        amount=price,
    )


def plan_invoice(catalogue: Catalogue, code: str, user: User) -> Invoice:
    plan = catalogue.plan(code)
    price = plan.price(STARS)
    if price is None:
        raise UnknownItem(f"plan {code!r} has no price in Stars")
    _ = gettext_for(user.language)
    return Invoice(
        title=_("OneiroScope subscription"),
        description=_(
            "Analyses every day: {n}, for 30 days; renewed monthly until you cancel."
        ).format(n=plan.daily_allowance),
        payload=encode_payload(PLAN, plan.code, user.id),
        label=_("30 days"),
        amount=price,
        subscription_period=STARS_PERIOD_SECONDS,
    )


def check_pre_checkout(
    catalogue: Catalogue, user: User, payload: str, currency: str, total_amount: int
) -> str | None:
    """None when the payment may go ahead; else the msgid of the reason to refuse it.

    Pure and fast: Telegram wants the answer within 10 seconds, in the bot process itself.
    """
    parsed = parse_payload(payload)
    if parsed is None or parsed.user_id != user.id:
        return N_("This invoice is not for your account. Please open /buy again.")
    try:
        item = (
            catalogue.package(parsed.code)
            if parsed.kind == PACKAGE
            else catalogue.plan(parsed.code)
        )
    except UnknownItem:
        return N_("This offer is no longer available. Please open /buy again.")
    if currency != STARS or item.price(STARS) != total_amount:
        return N_("The price has changed. Please open /buy again.")
    return None


@dataclass(frozen=True, slots=True)
class StarsPayment:
    """The fields of ``successful_payment`` that matter here, as plain data."""

    payload: str
    currency: str
    total_amount: int
    charge_id: str
    subscription_expiration_date: int | None = None
    is_recurring: bool = False
    is_first_recurring: bool = False


@dataclass(frozen=True, slots=True)
class Credited:
    posted: Posted
    kind: str  # pkg | sub
    code: str
    credits: int
    period_end: datetime | None = None
    renewal: bool = False


def payment_key(charge_id: str) -> str:
    return f"stars:{charge_id}"


async def credit_payment(catalogue: Catalogue, user: User, payment: StarsPayment) -> Credited:
    """Credit a successful Stars payment once; a repeat returns ``posted.applied`` False.

    Telegram has taken the stars already, so a payload we cannot read (an old invoice) is
    still recorded — with no credits — for support to settle, never dropped.
    """
    parsed = parse_payload(payment.payload)
    entry = LedgerEntry(
        user_id=user.id,
        kind=TransactionKind.PURCHASE,
        credits=0,
        idempotency_key=payment_key(payment.charge_id),
        amount_minor=payment.total_amount,
        currency=payment.currency,
        provider=PROVIDER,
        item=parsed.code if parsed else "",
        provider_ref=payment.charge_id,
    )
    if parsed is not None and parsed.kind == PLAN:
        return await _credit_subscription(catalogue, user, payment, entry, parsed.code)
    credits = 0
    if parsed is not None:
        try:
            credits = catalogue.package(parsed.code).credits
        except UnknownItem:
            credits = 0
    entry = replace(entry, credits=credits)
    posted = await post(entry)
    return Credited(posted, PACKAGE, entry.item, posted.credits if posted.applied else 0)


async def _credit_subscription(
    catalogue: Catalogue, user: User, payment: StarsPayment, entry: LedgerEntry, code: str
) -> Credited:
    plan = catalogue.plan(code)
    expires = payment.subscription_expiration_date
    period_end = (
        datetime.fromtimestamp(expires, UTC)
        if expires
        else datetime.fromtimestamp(datetime.now(UTC).timestamp() + STARS_PERIOD_SECONDS, UTC)
    )
    renewal = payment.is_recurring and not payment.is_first_recurring

    async def activate(conn: BaseDBAsyncClient) -> None:
        await start_or_renew(user.id, plan, PROVIDER, payment.charge_id, period_end, conn)

    entry = replace(entry, kind=TransactionKind.SUBSCRIPTION)
    posted = await post(entry, alongside=activate)
    return Credited(posted, PLAN, code, 0, period_end, renewal)
