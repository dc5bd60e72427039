"""A dream's credit: reserved at submission, consumed on delivery, released on failure —
exactly once per dream, atomically, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from tortoise.timezone import now

from core.billing.credits import (
    ConsumeOutcome,
    ReserveOutcome,
    balance_of,
    consume_for_dream,
    release_for_dream,
    reserve_for_dream,
)
from core.db.models import CreditHold, Dream, Subscription, Transaction, User

TEXT = "I was flying over a city at night and the lights were singing."


async def _user(**fields: object) -> User:
    return await User.create(telegram_id=77, **fields)


async def _dreams(user: User, n: int) -> list[Dream]:
    return [await Dream.create(user=user, text=f"{TEXT} ({i})") for i in range(n)]


async def _ledger_sum(user: User) -> int:
    return sum(await Transaction.filter(user_id=user.id).values_list("credits", flat=True))


async def test_the_first_dream_is_free_and_recorded_once(database: str) -> None:
    user = await _user()
    (dream,) = await _dreams(user, 1)

    assert await reserve_for_dream(user.id, dream.id) is ReserveOutcome.FREE
    assert await reserve_for_dream(user.id, dream.id) is ReserveOutcome.ALREADY
    assert await consume_for_dream(user.id, dream.id) is ConsumeOutcome.FREE
    assert await consume_for_dream(user.id, dream.id) is ConsumeOutcome.ALREADY

    await user.refresh_from_db()
    assert user.free_dream_used and user.dream_balance == 0
    row = await Transaction.get(user_id=user.id)
    assert (row.credits, row.idempotency_key) == (0, f"consume:{dream.id}")


async def test_balance_one_and_ten_concurrent_dreams_reserve_exactly_one(database: str) -> None:
    user = await _user(free_dream_used=True, dream_balance=1)
    dreams = await _dreams(user, 10)

    outcomes = await asyncio.gather(*(reserve_for_dream(user.id, d.id) for d in dreams))

    assert outcomes.count(ReserveOutcome.CREDIT) == 1
    assert outcomes.count(ReserveOutcome.NO_CREDIT) == 9
    await user.refresh_from_db()
    assert balance_of(user).credits == 0 and user.dream_balance == 1  # held, not yet spent


async def test_a_new_user_sending_twenty_dreams_at_once_gets_one_free(database: str) -> None:
    user = await _user()
    dreams = await _dreams(user, 20)

    outcomes = await asyncio.gather(*(reserve_for_dream(user.id, d.id) for d in dreams))

    assert outcomes.count(ReserveOutcome.FREE) == 1
    assert outcomes.count(ReserveOutcome.NO_CREDIT) == 19


async def test_a_consumed_credit_leaves_the_balance_with_its_ledger_row(database: str) -> None:
    user = await _user(free_dream_used=True, dream_balance=3)
    await Transaction.create(user=user, kind="grant", credits=3, idempotency_key="grant:t")
    (dream,) = await _dreams(user, 1)

    assert await reserve_for_dream(user.id, dream.id) is ReserveOutcome.CREDIT
    outcomes = await asyncio.gather(*(consume_for_dream(user.id, dream.id) for _ in range(6)))

    assert outcomes.count(ConsumeOutcome.CREDIT) == 1
    assert set(outcomes) == {ConsumeOutcome.CREDIT, ConsumeOutcome.ALREADY}
    await user.refresh_from_db()
    assert (user.dream_balance, user.credits_reserved) == (2, 0)
    assert await _ledger_sum(user) == user.dream_balance


async def test_a_failed_analysis_releases_what_it_reserved(database: str) -> None:
    user = await _user(dream_balance=1)
    first, second = await _dreams(user, 2)
    assert await reserve_for_dream(user.id, first.id) is ReserveOutcome.FREE
    assert await reserve_for_dream(user.id, second.id) is ReserveOutcome.CREDIT

    assert await release_for_dream(first.id) and await release_for_dream(second.id)
    assert not await release_for_dream(second.id)  # released once

    await user.refresh_from_db()
    assert not user.free_dream_used and balance_of(user).credits == 1
    assert await Transaction.filter(user_id=user.id).count() == 0  # nothing was charged
    assert await CreditHold.filter(user_id=user.id).count() == 0
    # A retry reserves again.
    assert await reserve_for_dream(user.id, first.id) is ReserveOutcome.FREE


async def test_a_consumed_reservation_is_never_released(database: str) -> None:
    user = await _user()
    (dream,) = await _dreams(user, 1)
    await reserve_for_dream(user.id, dream.id)
    await consume_for_dream(user.id, dream.id)

    assert not await release_for_dream(dream.id)
    await user.refresh_from_db()
    assert user.free_dream_used


async def test_a_subscription_pays_with_its_daily_allowance_first(database: str) -> None:
    user = await _user(free_dream_used=True, dream_balance=1)
    await Subscription.create(
        user=user,
        plan="monthly",
        provider="stars",
        provider_ref="ch-1",
        current_period_end=now() + timedelta(days=30),
        daily_allowance=2,
    )
    dreams = await _dreams(user, 4)

    outcomes = [await reserve_for_dream(user.id, d.id) for d in dreams]

    assert outcomes == [
        ReserveOutcome.ALLOWANCE,
        ReserveOutcome.ALLOWANCE,
        ReserveOutcome.CREDIT,
        ReserveOutcome.NO_CREDIT,
    ]
    assert await release_for_dream(dreams[0].id)
    sub = await Subscription.get(user_id=user.id)
    assert sub.allowance_used == 1
    assert await reserve_for_dream(user.id, dreams[3].id) is ReserveOutcome.ALLOWANCE


async def test_an_expired_subscription_gives_no_allowance(database: str) -> None:
    user = await _user(free_dream_used=True)
    await Subscription.create(
        user=user,
        plan="monthly",
        provider="stars",
        provider_ref="ch-2",
        current_period_end=now() - timedelta(minutes=1),
        daily_allowance=3,
    )
    (dream,) = await _dreams(user, 1)
    assert await reserve_for_dream(user.id, dream.id) is ReserveOutcome.NO_CREDIT
