"""Deleting an account keeps the ledger without a link to the person and does not bring the
free dream back; nothing else about the person is kept."""

from __future__ import annotations

from core.billing.accounts import account_hash
from core.db.models import Dream, FreeDreamClaim, Transaction, User
from core.users import TelegramProfile, delete_user, get_or_create_telegram_user

KEY = b"k" * 32


async def test_deleting_an_account_unlinks_its_ledger_and_keeps_only_a_keyed_hash(
    database: str,
) -> None:
    user, _ = await get_or_create_telegram_user(TelegramProfile(4242), KEY)
    await User.filter(id=user.id).update(free_dream_used=True)
    await user.refresh_from_db()
    await Dream.create(user=user, text="A dream about a whale in the kitchen.")
    await Transaction.create(user=user, kind="purchase", credits=5, idempotency_key="stars:x")

    await delete_user(user, KEY)

    assert await User.filter(telegram_id=4242).count() == 0
    assert await Dream.all().count() == 0
    row = await Transaction.get(idempotency_key="stars:x")
    assert row.user_id is None and row.credits == 5  # kept for accounting, without a person
    claims = await FreeDreamClaim.all().values_list("account_hash", flat=True)
    assert claims == [account_hash(KEY, 4242)] and "4242" not in claims[0]

    again, created = await get_or_create_telegram_user(TelegramProfile(4242), KEY)
    assert created and again.free_dream_used  # the free dream is once per Telegram account
    other, _ = await get_or_create_telegram_user(TelegramProfile(4343), KEY)
    assert not other.free_dream_used


async def test_an_account_that_never_used_its_free_dream_leaves_nothing(database: str) -> None:
    user, _ = await get_or_create_telegram_user(TelegramProfile(5151), KEY)
    await delete_user(user, KEY)
    assert await FreeDreamClaim.all().count() == 0
