"""Erasing an account: every row of the user, their conversation state and sessions.

Rows go through ``core.users.delete_user`` (dreams, analyses and embeddings by cascade; the
billing records it keeps lose their link to the person);
what other parts of the product keep elsewhere (the bot's conversation state, caches) is
erased by the ``AccountEraser`` hooks those parts register, so ``core`` needs no transport.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from core.db.models import User
from core.users import delete_user

log = logging.getLogger(__name__)

#: Erases what one part of the product keeps on a Telegram account outside the database.
AccountEraser = Callable[[int], Awaitable[None]]


async def erase_account(
    user: User, erasers: Sequence[AccountEraser] = (), billing_key: bytes | None = None
) -> None:
    """Delete the user and everything linked to them; then the hooks' data.

    The rows go first: if a hook fails afterwards, nothing personal is left in the database
    and the failure is logged for an operator (the hooks' data expires on its own TTL).
    """
    telegram_id = user.telegram_id
    # Billing keeps its ledger without a link to the person (and a keyed hash of the Telegram
    # id, so the free dream is not given twice): ``core.billing.accounts.forget_account``.
    await delete_user(user, billing_key)
    if telegram_id is None:
        return
    for erase in erasers:
        try:
            await erase(telegram_id)
        except Exception:  # one broken hook must not stop the others
            log.exception("an account eraser failed; its data expires by TTL")
