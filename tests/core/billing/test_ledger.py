"""The ledger: every balance change is one row keyed by its event; repeats change nothing."""

from __future__ import annotations

import asyncio

from core.billing.ledger import LedgerEntry, post
from core.db.models import Transaction, TransactionKind, User


def _purchase(user: User, key: str, credits: int = 5) -> LedgerEntry:
    return LedgerEntry(
        user_id=user.id,
        kind=TransactionKind.PURCHASE,
        credits=credits,
        idempotency_key=key,
        amount_minor=100,
        currency="XTR",
        provider="stars",
        item="p5",
        provider_ref="charge-1",
    )


async def _ledger_sum(user: User) -> int:
    return sum(await Transaction.filter(user_id=user.id).values_list("credits", flat=True))


async def test_the_same_event_five_times_at_once_is_credited_once(database: str) -> None:
    user = await User.create(telegram_id=5)

    results = await asyncio.gather(*(post(_purchase(user, "stars:charge-1")) for _ in range(5)))

    assert [r.applied for r in results].count(True) == 1
    await user.refresh_from_db()
    assert user.dream_balance == 5 == await _ledger_sum(user)
    assert await Transaction.filter(idempotency_key="stars:charge-1").count() == 1


async def test_a_take_back_never_goes_below_what_is_available(database: str) -> None:
    user = await User.create(telegram_id=6, credits_reserved=1)
    await post(_purchase(user, "stars:a", credits=5))
    await User.filter(id=user.id).update(dream_balance=3)  # two spent meanwhile
    await Transaction.create(user=user, kind="consume", credits=-2, idempotency_key="spent")

    taken = await post(
        LedgerEntry(user.id, TransactionKind.REFUND, -5, "stars-refund:a", provider="stars")
    )

    assert taken.applied and taken.credits == -2 and taken.balance == 0
    await user.refresh_from_db()
    assert user.dream_balance == 1  # the credit held by a dream in analysis stays
    assert await _ledger_sum(user) == user.dream_balance
