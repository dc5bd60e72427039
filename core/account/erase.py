"""Erasing an account: every row of the user, their conversation state and sessions.

Rows go by cascade in one transaction (dreams, analyses, embeddings, payments records);
what other parts of the product keep elsewhere (the bot's conversation state, caches) is
erased by the ``AccountEraser`` hooks those parts register, so ``core`` needs no transport.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from tortoise.transactions import in_transaction

from core.db.models import User

log = logging.getLogger(__name__)

#: Erases what one part of the product keeps on a Telegram account outside the database.
AccountEraser = Callable[[int], Awaitable[None]]


async def erase_account(user: User, erasers: Sequence[AccountEraser] = ()) -> None:
    """Delete the user and everything linked to them; then the hooks' data.

    The rows go first: if a hook fails afterwards, nothing personal is left in the database
    and the failure is logged for an operator (the hooks' data expires on its own TTL).
    """
    telegram_id = user.telegram_id
    async with in_transaction() as conn:
        await user.delete(using_db=conn)
    if telegram_id is None:
        return
    for erase in erasers:
        try:
            await erase(telegram_id)
        except Exception:  # one broken hook must not stop the others
            log.exception("an account eraser failed; its data expires by TTL")
