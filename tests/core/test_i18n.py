"""Every message id in the source has a Russian translation; the catalogues compile and merge."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from core.i18n import LOCALES_DIR, gettext, ngettext, normalize_locale

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("bot", "core", "miniapp", "workers", "cli")
KEYWORDS = {
    "_": None,
    "__": None,
    "gettext": None,
    "lazy_gettext": None,
    "N_": None,
    "ngettext": (1, 2),
}
METHODS = [
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2"),
    ("**/templates/**.jinja2", "jinja2"),
]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def source_msgids() -> dict[str, str]:
    """msgid → "file:line" of its first use, for every translatable string in the product."""
    found: dict[str, str] = {}
    for directory in SOURCE_DIRS:
        for filename, lineno, message, _comments, _ctx in extract_from_dir(
            ROOT / directory, METHODS, OPTIONS, KEYWORDS, strip_comment_tags=True
        ):
            for msgid in message if isinstance(message, tuple) else (message,):
                if msgid:
                    found.setdefault(msgid, f"{directory}/{filename}:{lineno}")
    return found


def russian_catalogue() -> dict[str, object]:
    """msgid → translation of every translated, non-fuzzy message of the Russian catalogues; a
    plural message is found under both its singular and its plural id."""
    translated: dict[str, object] = {}
    for po_path in sorted((LOCALES_DIR / "ru" / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as fh:
            for message in read_po(fh, locale="ru"):
                if not message.id or message.fuzzy:
                    continue
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if all(strings):
                    translated.update(dict.fromkeys(ids, message.string))
    return translated


def test_every_message_id_has_a_russian_translation() -> None:
    catalogue = russian_catalogue()
    missing = {msgid: where for msgid, where in source_msgids().items() if msgid not in catalogue}
    assert not missing, "messages without a Russian translation:\n" + "\n".join(
        f"  {where}: {msgid!r}" for msgid, where in sorted(missing.items(), key=lambda x: x[1])
    )


def test_russian_plurals_use_three_forms() -> None:
    forms = [ngettext("{n} dream", "{n} dreams", n, "ru").format(n=n) for n in (1, 2, 5, 11, 21)]
    assert forms == ["1 сон", "2 сна", "5 снов", "11 снов", "21 сон"]


def test_unknown_languages_fall_back_sensibly() -> None:
    assert normalize_locale("ru-RU") == "ru"
    assert normalize_locale("uk") == "ru"
    assert normalize_locale("de") == "en"
    assert normalize_locale(None) == "en"
    assert gettext("Choose your language:", "ru") == "Выберите язык:"
