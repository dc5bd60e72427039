"""The free dream is once per Telegram account, also across account deletion.

Deleting an account deletes every dream and analysis; the credit ledger stays, unlinked from the
person. To stop "delete my data, get another free analysis", a deleted account that had used its
free dream leaves one keyed hash of its Telegram id (HMAC-SHA256 with the server's billing key:
not reversible without the key, no dream data). A new account with the same hash starts without
the free dream. The privacy note says so.
"""

from __future__ import annotations

import hashlib
import hmac

from tortoise.transactions import in_transaction

from core.db.models import FreeDreamClaim, Transaction, User


def account_hash(key: bytes, telegram_id: int) -> str:
    """The keyed hash that stands for a Telegram account once the account is gone."""
    return hmac.new(key, f"telegram:{telegram_id}".encode(), hashlib.sha256).hexdigest()


async def free_dream_claimed(key: bytes | None, telegram_id: int) -> bool:
    """True when a deleted account of this Telegram id already had its free dream."""
    if key is None:
        return False
    return await FreeDreamClaim.exists(account_hash=account_hash(key, telegram_id))


async def forget_account(user: User, key: bytes | None) -> None:
    """Delete the user with all their dreams; keep the ledger (unlinked) and, when the free
    dream was used, the account's keyed hash. One transaction: all of it or nothing."""
    async with in_transaction() as conn:
        if user.free_dream_used and user.telegram_id is not None and key is not None:
            claim = account_hash(key, user.telegram_id)
            if not await FreeDreamClaim.exists(account_hash=claim, using_db=conn):
                await FreeDreamClaim.create(account_hash=claim, using_db=conn)
        # Explicit, not only by the foreign key's SET NULL: the ledger must never go with a user.
        await Transaction.filter(user_id=user.id).using_db(conn).update(user_id=None)
        await user.delete(using_db=conn)
