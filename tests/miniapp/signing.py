"""Telegram's signatures made the way Telegram makes them, for tests: Mini App initData and
Login Widget payloads (independent of the code under test)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

BOT_TOKEN = "123456789:AAE-test-token-for-oneiroscope-web"


def init_data(
    telegram_id: int,
    *,
    first_name: str = "Alice",
    language_code: str = "en",
    auth_date: int | None = None,
    token: str = BOT_TOKEN,
) -> str:
    """A valid ``initData`` query string as the Mini App receives it."""
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(
            {"id": telegram_id, "first_name": first_name, "language_code": language_code},
            separators=(",", ":"),
        ),
        "auth_date": str(auth_date if auth_date is not None else int(time.time())),
    }
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def widget_payload(
    telegram_id: int,
    *,
    first_name: str = "Alice",
    auth_date: int | None = None,
    token: str = BOT_TOKEN,
) -> dict[str, Any]:
    """What the Telegram Login Widget hands to its callback."""
    fields = {
        "id": str(telegram_id),
        "first_name": first_name,
        "username": "alice_dreams",
        "auth_date": str(auth_date if auth_date is not None else int(time.time())),
    }
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields))
    secret = hashlib.sha256(token.encode()).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return fields
