"""Credits are consumed exactly once per dream, atomically, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

from core.billing.credits import ConsumeOutcome, consume_for_dream
from core.db.models import Dream, Transaction, User


async def _user_with_dream(**user_fields: object) -> tuple[User, Dream]:
    user = await User.create(telegram_id=77, **user_fields)
    return user, await Dream.create(user=user, text="I was flying over a city at night.")


async def test_the_first_dream_is_free_and_recorded_once(database: str) -> None:
    user, dream = await _user_with_dream()

    assert await consume_for_dream(user.id, dream.id) is ConsumeOutcome.FREE
    assert await consume_for_dream(user.id, dream.id) is ConsumeOutcome.ALREADY

    await user.refresh_from_db()
    assert user.free_dream_used and user.dream_balance == 0
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_a_paid_dream_takes_exactly_one_credit(database: str) -> None:
    user, dream = await _user_with_dream(free_dream_used=True, dream_balance=3)

    assert await consume_for_dream(user.id, dream.id) is ConsumeOutcome.CREDIT

    await user.refresh_from_db()
    assert user.dream_balance == 2
    transaction = await Transaction.get(user_id=user.id)
    assert (transaction.credits, transaction.idempotency_key) == (-1, f"consume:{dream.id}")


async def test_concurrent_consumes_of_one_dream_charge_once(database: str) -> None:
    user, dream = await _user_with_dream(free_dream_used=True, dream_balance=5)

    outcomes = await asyncio.gather(*(consume_for_dream(user.id, dream.id) for _ in range(6)))

    assert outcomes.count(ConsumeOutcome.CREDIT) == 1
    assert set(outcomes) == {ConsumeOutcome.CREDIT, ConsumeOutcome.ALREADY}
    await user.refresh_from_db()
    assert user.dream_balance == 4


async def test_the_last_credit_cannot_be_spent_twice(database: str) -> None:
    user, first = await _user_with_dream(free_dream_used=True, dream_balance=1)
    second = await Dream.create(user=user, text="Another dream about the sea and a boat.")

    outcomes = await asyncio.gather(
        consume_for_dream(user.id, first.id), consume_for_dream(user.id, second.id)
    )

    assert sorted(outcomes) == sorted([ConsumeOutcome.CREDIT, ConsumeOutcome.NO_CREDIT])
    await user.refresh_from_db()
    assert user.dream_balance == 0
