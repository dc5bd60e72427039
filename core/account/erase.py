"""Erasing an account: every row of the user, their conversation state and sessions.

Before the rows go, a Stars subscription stops renewing (a deleted account must not keep
paying) and the keys of the LLM interpretation cache entries made for the user's dreams are
read (each analysis records its key). Rows go through ``core.users.delete_user`` (dreams,
analyses and embeddings by cascade; the billing records it keeps lose their link to the
person); then the cache entries, and what other parts of the product keep elsewhere (the bot's
conversation state) through the ``AccountEraser`` hooks those parts register, so ``core``
needs no transport.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from core.billing.errors import GatewayError
from core.billing.stars_gateway import StarsGateway
from core.billing.subscriptions import cancel_stars_renewal
from core.db.models import User
from core.dreams.cached_answers import KeyDeleter, answer_keys, erase_answers
from core.users import delete_user

log = logging.getLogger(__name__)

#: Erases what one part of the product keeps on a Telegram account outside the database.
AccountEraser = Callable[[int], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Erasure:
    """What erasing an account needs besides the database (``Services.erasure()`` builds it)."""

    erasers: Sequence[AccountEraser] = ()
    #: Keeps the free-dream marker (a keyed hash of the Telegram id): ``core.billing.accounts``.
    billing_key: bytes | None = None
    #: Cancels a Stars subscription's renewal; None without a bot (nothing to cancel through).
    stars: StarsGateway | None = None
    #: Where the LLM interpretation cache lives; None: no cache entries to erase.
    cache: KeyDeleter | None = None


async def erase_account(user: User, erasure: Erasure = Erasure()) -> None:
    """Delete the user and everything linked to them; then the hooks' data.

    The rows go first after the renewal stops: if a hook fails afterwards, nothing personal
    is left in the database and the failure is logged for an operator (the hooks' data and
    the cache entries expire on their own TTL).
    """
    telegram_id = user.telegram_id
    if telegram_id is not None and erasure.stars is not None:
        await _stop_renewal(user, telegram_id, erasure.stars)
    cache_keys = await answer_keys(dream__user_id=user.id) if erasure.cache is not None else []
    await delete_user(user, erasure.billing_key)
    if erasure.cache is not None:
        await erase_answers(erasure.cache, cache_keys)
    if telegram_id is None:
        return
    for erase in erasure.erasers:
        try:
            await erase(telegram_id)
        except Exception:  # one broken hook must not stop the others
            log.exception("an account eraser failed; its data expires by TTL")


async def _stop_renewal(user: User, telegram_id: int, stars: StarsGateway) -> None:
    """If Telegram cannot be reached the deletion still goes ahead (logged for support: the
    subscription then renews once more and support refunds it)."""
    try:
        await cancel_stars_renewal(user.id, functools.partial(stars.cancel_renewal, telegram_id))
    except GatewayError as exc:
        log.warning("stars subscription not cancelled before deletion: %s", exc)
