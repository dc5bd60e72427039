"""Who a verified request speaks for: a Telegram account, how it signed in, and its role."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    USER = "user"
    #: Support staff: user lookup and refunds on the admin pages.
    ADMIN = "admin"


class Channel(StrEnum):
    """How the request authenticated; CSRF matters only for cookies (sent by the browser)."""

    MINI_APP = "mini_app"  # Authorization: tma <initData>
    COOKIE = "cookie"  # the dashboard's access-token cookie


@dataclass(frozen=True, slots=True)
class Identity:
    telegram_id: int
    first_name: str
    language_code: str | None
    channel: Channel
    role: Role = Role.USER
    #: The CSRF secret bound to a cookie session (None for the Mini App header).
    csrf: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


def role_for(telegram_id: int, admin_ids: Collection[int]) -> Role:
    """Admins are configured by Telegram id (``ADMIN_TELEGRAM_IDS``); everyone else is a user."""
    return Role.ADMIN if telegram_id in admin_ids else Role.USER
