"""Telegram Mini App launch data: aiogram checks the HMAC, we add the age limit it lacks.

The Mini App sends the same ``initData`` with every request of a session, so a string that
verified once is remembered (bounded, per process): the HMAC and the parse (~0.1 ms, most of
an API read's own CPU) run once per launch, the age check on every request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from aiogram.utils.web_app import safe_parse_webapp_init_data

from core.auth.errors import InvalidCredentials
from core.auth.freshness import check_fresh

#: Longer is refused before parsing: real init data is well under 1 KiB.
MAX_INIT_DATA_CHARS = 4096
#: Verified launches remembered per process (a few MiB at most).
REMEMBERED_LAUNCHES = 8192


@dataclass(frozen=True, slots=True)
class MiniAppLaunch:
    """The verified parts of a Mini App's ``initData`` that we use."""

    telegram_id: int
    first_name: str
    language_code: str | None
    auth_date: datetime


def verify_init_data(
    bot_token: str, init_data: str, max_age: timedelta, now: datetime | None = None
) -> MiniAppLaunch:
    """The launch a valid, fresh ``initData`` describes; raises an ``AuthError`` otherwise."""
    if not init_data or len(init_data) > MAX_INIT_DATA_CHARS:
        raise InvalidCredentials("init data missing or too long")
    launch = _verified(bot_token, init_data)
    check_fresh(launch.auth_date, max_age, now)
    return launch


@lru_cache(maxsize=REMEMBERED_LAUNCHES)
def _verified(bot_token: str, init_data: str) -> MiniAppLaunch:
    """The signed launch, whatever its age; failures raise and are not remembered."""
    try:
        parsed = safe_parse_webapp_init_data(bot_token, init_data)
    except (ValueError, TypeError) as exc:  # bad signature, or fields pydantic rejects
        raise InvalidCredentials("init data does not verify") from exc
    if parsed.user is None:
        raise InvalidCredentials("init data carries no user")
    return MiniAppLaunch(
        telegram_id=parsed.user.id,
        first_name=parsed.user.first_name,
        language_code=parsed.user.language_code,
        auth_date=parsed.auth_date,
    )
