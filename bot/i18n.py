"""aiogram's I18n over our merged per-feature catalogues, and the user-language middleware."""

from __future__ import annotations

from typing import Any

from aiogram.types import TelegramObject
from aiogram.utils.i18n import I18n, I18nMiddleware

from core.db.models import User
from core.i18n import DEFAULT_LOCALE, LOCALES_DIR, load_translations, normalize_locale


def create_i18n() -> I18n:
    """aiogram's ``I18n`` with ``core.i18n``'s in-memory catalogues instead of ``.mo`` files.

    Not a subclass: aiogram keeps the "current I18n" in a context variable per class, and
    ``gettext`` looks it up on ``I18n`` itself.
    """
    i18n = I18n(path=LOCALES_DIR, default_locale=DEFAULT_LOCALE, domain="messages")
    i18n.locales = dict(load_translations(LOCALES_DIR))  # type: ignore[arg-type]
    return i18n


class UserI18nMiddleware(I18nMiddleware):
    """Speaks the language the user chose, else the one their Telegram app reports."""

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user: User | None = data.get("user")
        if user is not None:
            return normalize_locale(user.language)
        tg_user = data.get("event_from_user")
        return normalize_locale(getattr(tg_user, "language_code", None))
