"""The Telegram Login Widget's signed payload, checked in constant time and for freshness.

(aiogram's ``auth_widget.check_signature`` compares hashes with ``==``, which leaks timing.)
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from core.auth.errors import InvalidCredentials
from core.auth.freshness import check_fresh
from core.auth.initdata import MiniAppLaunch

#: The fields Telegram signs; anything else in the request is ignored, never signed over.
SIGNED_FIELDS = ("auth_date", "first_name", "id", "last_name", "photo_url", "username")


def widget_hash(bot_token: str, fields: Mapping[str, str]) -> str:
    """HMAC-SHA256 of the data-check string with SHA256(bot token) as the key (Telegram's rule)."""
    secret = hashlib.sha256(bot_token.encode()).digest()
    check_string = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    return hmac.new(secret, check_string.encode(), hashlib.sha256).hexdigest()


def verify_login_widget(
    bot_token: str, data: Mapping[str, str], max_age: timedelta, now: datetime | None = None
) -> MiniAppLaunch:
    """The account a valid, fresh widget payload proves; raises an ``AuthError`` otherwise."""
    given = data.get("hash", "")
    fields = {key: str(data[key]) for key in SIGNED_FIELDS if key in data}
    if not given or "id" not in fields or "auth_date" not in fields:
        raise InvalidCredentials("login data incomplete")
    if not hmac.compare_digest(widget_hash(bot_token, fields), given):
        raise InvalidCredentials("login data does not verify")
    try:
        telegram_id = int(fields["id"])
        auth_date = datetime.fromtimestamp(int(fields["auth_date"]), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise InvalidCredentials("login data malformed") from exc
    check_fresh(auth_date, max_age, now)
    return MiniAppLaunch(
        telegram_id=telegram_id,
        first_name=fields.get("first_name", ""),
        language_code=None,
        auth_date=auth_date,
    )
