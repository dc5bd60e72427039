"""Credits are consumed exactly once per dream, atomically, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import logging

import pytest

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


async def test_a_wrong_guess_about_the_free_dream_costs_a_statement_not_a_charge(
    database: str,
) -> None:
    # The caller guesses the free dream is used, but it is not (and no credit is left).
    user, dream = await _user_with_dream(dream_balance=0)
    outcome = await consume_for_dream(user.id, dream.id, free_dream_used=True)
    assert outcome is ConsumeOutcome.FREE

    # The caller believes the free dream is still there, but it was taken meanwhile.
    other, paid = await _user_with_dream_for(78, free_dream_used=True, dream_balance=2)
    assert await consume_for_dream(other.id, paid.id, free_dream_used=False) is (
        ConsumeOutcome.CREDIT
    )
    await other.refresh_from_db()
    assert other.dream_balance == 1


async def test_a_returning_user_pays_with_one_guarded_update(
    database: str, caplog: pytest.LogCaptureFixture
) -> None:
    user, dream = await _user_with_dream(free_dream_used=True, dream_balance=2)

    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        outcome = await consume_for_dream(user.id, dream.id, free_dream_used=True)

    assert outcome is ConsumeOutcome.CREDIT
    user_updates = [
        r for r in caplog.messages if r.lstrip().replace('"', "").startswith("UPDATE users")
    ]
    assert len(user_updates) == 1, user_updates
    await user.refresh_from_db()
    assert (user.free_dream_used, user.dream_balance) == (True, 1)


async def _user_with_dream_for(telegram_id: int, **user_fields: object) -> tuple[User, Dream]:
    user = await User.create(telegram_id=telegram_id, **user_fields)
    return user, await Dream.create(user=user, text="A long corridor and a door that opened.")
