"""Telegram Stars in core: the pre-checkout check and crediting a payment exactly once."""

from __future__ import annotations

import asyncio

from core.billing.catalogue import load_catalogue
from core.billing.stars import (
    PACKAGE,
    StarsPayment,
    check_pre_checkout,
    credit_payment,
    encode_payload,
    package_invoice,
)
from core.db.models import Transaction, User

CATALOGUE = load_catalogue(None)


async def test_the_pre_checkout_accepts_only_our_invoice_for_this_user_at_its_price(
    database: str,
) -> None:
    user = await User.create(telegram_id=31)
    other = await User.create(telegram_id=32)
    invoice = package_invoice(CATALOGUE, "p5", user)

    assert check_pre_checkout(CATALOGUE, user, invoice.payload, "XTR", 100) is None
    assert check_pre_checkout(CATALOGUE, other, invoice.payload, "XTR", 100) is not None
    assert check_pre_checkout(CATALOGUE, user, invoice.payload, "XTR", 99) is not None
    assert check_pre_checkout(CATALOGUE, user, invoice.payload, "USD", 100) is not None
    unknown = encode_payload(PACKAGE, "p999", user.id)
    assert check_pre_checkout(CATALOGUE, user, unknown, "XTR", 100) is not None
    assert check_pre_checkout(CATALOGUE, user, "garbage", "XTR", 100) is not None


async def test_a_successful_payment_delivered_five_times_at_once_is_credited_once(
    database: str,
) -> None:
    user = await User.create(telegram_id=33)
    payment = StarsPayment(
        payload=package_invoice(CATALOGUE, "p15", user).payload,
        currency="XTR",
        total_amount=250,
        charge_id="stxOnce",
    )

    results = await asyncio.gather(*(credit_payment(CATALOGUE, user, payment) for _ in range(5)))

    assert [r.posted.applied for r in results].count(True) == 1
    await user.refresh_from_db()
    assert user.dream_balance == 15
    row = await Transaction.get(idempotency_key="stars:stxOnce")
    assert (row.credits, row.amount_minor, row.currency, row.item) == (15, 250, "XTR", "p15")
