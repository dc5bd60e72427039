"""aiogram's I18n over our merged per-feature catalogues, and the user-language middleware."""

from __future__ import annotations

import gettext
from typing import Any

from aiogram.types import TelegramObject
from aiogram.utils.i18n import I18n, I18nMiddleware

from core.db.models import User
from core.i18n import DEFAULT_LOCALE, LOCALES_DIR, load_translations, normalize_locale


class CatalogI18n(I18n):
    """Uses ``core.i18n``'s in-memory compiled catalogues instead of ``.mo`` files on disk."""

    def __init__(self) -> None:
        super().__init__(path=LOCALES_DIR, default_locale=DEFAULT_LOCALE, domain="messages")

    def find_locales(self) -> dict[str, gettext.GNUTranslations]:
        return dict(load_translations(LOCALES_DIR))  # type: ignore[arg-type]


class UserI18nMiddleware(I18nMiddleware):
    """Speaks the language the user chose, else the one their Telegram app reports."""

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user: User | None = data.get("user")
        if user is not None:
            return normalize_locale(user.language)
        tg_user = data.get("event_from_user")
        return normalize_locale(getattr(tg_user, "language_code", None))
