"""The age check Telegram's signatures lack: a signed payload is valid only for a while."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.auth.errors import ExpiredCredentials, InvalidCredentials

#: A clock running a little fast on the client's side of Telegram is not an attack.
CLOCK_SKEW = timedelta(seconds=60)


def check_fresh(auth_date: datetime, max_age: timedelta, now: datetime | None = None) -> None:
    """Raise unless ``auth_date`` lies within ``max_age`` before ``now`` (UTC)."""
    moment = now or datetime.now(UTC)
    when = auth_date if auth_date.tzinfo else auth_date.replace(tzinfo=UTC)
    if when - moment > CLOCK_SKEW:
        raise InvalidCredentials("auth_date lies in the future")
    if moment - when > max_age:
        raise ExpiredCredentials("the signed data is older than allowed")
