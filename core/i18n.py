"""Gettext catalogues for every transport: loads ``locales/<lang>/LC_MESSAGES/*.po`` in memory.

Each feature keeps its own ``.po`` file (``bot.po``, ``lunar.po``, ``analysis.po`` ...) so that
features can be translated independently; here they are compiled in memory and merged into one
catalogue per language, which keeps the deployment free of a compile step and of binary files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

import locales

#: Where the catalogues live: the ``locales`` package (shipped in the wheel as package data).
LOCALES_DIR: Path = locales.LOCALES_DIR
#: Languages the product speaks; the first is the fallback.
SUPPORTED_LOCALES: tuple[str, ...] = ("en", "ru")
DEFAULT_LOCALE = "en"


def normalize_locale(code: str | None) -> str:
    """Map a Telegram ``language_code`` such as ``ru-RU`` or ``uk`` to a supported locale."""
    if not code:
        return DEFAULT_LOCALE
    base = code.replace("_", "-").split("-", 1)[0].lower()
    if base in SUPPORTED_LOCALES:
        return base
    # Speakers of these languages usually read Russian better than English.
    return "ru" if base in {"uk", "be", "kk", "ky", "uz", "tg", "hy", "az"} else DEFAULT_LOCALE


def _compile(po_path: Path, locale: str) -> Translations:
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf)


@lru_cache(maxsize=8)
def load_translations(locales_dir: Path = LOCALES_DIR) -> dict[str, NullTranslations]:
    """Compile and merge every ``.po`` file of each supported language (cached per directory)."""
    result: dict[str, NullTranslations] = {}
    for locale in SUPPORTED_LOCALES:
        merged: Translations | None = None
        for po_path in sorted((locales_dir / locale / "LC_MESSAGES").glob("*.po")):
            compiled = _compile(po_path, locale)
            merged = compiled if merged is None else merged.merge(compiled)
        result[locale] = merged if merged is not None else NullTranslations()
    return result


def translator(locale: str | None) -> NullTranslations:
    """The catalogue for ``locale`` (unsupported ones fall back to English)."""
    return load_translations()[normalize_locale(locale)]


def gettext_for(locale: str | None) -> Callable[[str], str]:
    """A ``gettext`` bound to one language, for core code that renders user-facing text."""
    return translator(locale).gettext


def gettext(message: str, locale: str | None) -> str:
    """Translate one message into ``locale``."""
    return translator(locale).gettext(message)


def ngettext(singular: str, plural: str, n: int, locale: str | None) -> str:
    """Translate a message with a plural form into ``locale``."""
    return translator(locale).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (translated at render time)."""
    return message
