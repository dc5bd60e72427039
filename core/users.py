"""Users: created on first contact, with the preferences the analysis depends on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.exceptions import IntegrityError

from core.billing.accounts import forget_account, free_dream_claimed
from core.db.models import Sex, User
from core.dreams.journal_changes import journal_changed
from core.i18n import N_, SUPPORTED_LOCALES, normalize_locale

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UserError(Exception):
    """Root of user-settings errors; ``message`` is a msgid to translate for the user."""

    message = N_("That setting could not be saved.")


class UnsupportedLanguage(UserError):
    message = N_("This language is not supported yet.")


class UnknownTimezone(UserError):
    message = N_("I don't know this time zone. Try a city name instead.")


@dataclass(frozen=True, slots=True)
class TelegramProfile:
    """The parts of a Telegram user we keep: the id and how to greet and address them."""

    telegram_id: int
    first_name: str = ""
    language_code: str | None = None


def storable_name(name: str) -> str:
    """A display name any database keeps: no NUL or other control characters (PostgreSQL
    rejects 0x00 in text), at most the column's 128 characters.

    >>> storable_name("Ann\x00a\x07 ")
    'Anna'
    """
    return _CONTROL.sub("", name).strip()[:128]


async def get_or_create_telegram_user(
    profile: TelegramProfile, billing_key: bytes | None = None
) -> tuple[User, bool]:
    """Load the user for a Telegram account, creating it on first contact (race-safe). A new
    account of a Telegram id whose deleted account had its free dream starts without it
    (``billing_key`` checks the keyed hash; see ``core.billing.accounts``)."""
    user = await User.get_or_none(telegram_id=profile.telegram_id)
    if user is not None:
        return user, False
    claimed = await free_dream_claimed(billing_key, profile.telegram_id)
    try:
        user = await User.create(
            telegram_id=profile.telegram_id,
            first_name=storable_name(profile.first_name),
            language=normalize_locale(profile.language_code),
            free_dream_used=claimed,
        )
    except IntegrityError:
        # Two updates of a new user raced; the other one created it.
        return await User.get(telegram_id=profile.telegram_id), False
    return user, True


async def set_language(user: User, language: str) -> User:
    if language not in SUPPORTED_LOCALES:
        raise UnsupportedLanguage(language)
    user.language = language
    user.language_chosen = True
    await user.save(update_fields=["language", "language_chosen", "updated_at"])
    return user


async def set_sex(user: User, sex: Sex) -> User:
    user.sex = sex
    await user.save(update_fields=["sex", "updated_at"])
    return user


def validate_timezone(name: str) -> str:
    """Return the canonical IANA zone name, or raise :class:`UnknownTimezone`."""
    try:
        return ZoneInfo(name.strip()).key
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimezone(name) from exc


async def set_place(
    user: User, *, latitude: float, longitude: float, timezone: str, place_name: str = ""
) -> User:
    """Save where the user sleeps: the lunar day depends on the place, display on the zone."""
    user.latitude = latitude
    user.longitude = longitude
    user.timezone = validate_timezone(timezone)
    user.place_name = place_name[:128]
    await user.save(update_fields=["latitude", "longitude", "timezone", "place_name", "updated_at"])
    return user


async def delete_user(user: User, billing_key: bytes | None = None) -> None:
    """Forget the user and, by cascade, every dream and analysis of theirs; the credit ledger
    stays without a link to them (``core.billing.accounts.forget_account``)."""
    await forget_account(user, billing_key)
    await journal_changed(user.id)  # the pages other processes keep of it are dropped
