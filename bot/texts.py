"""Longer bot messages composed from translated parts (the parts live in ``locales/``)."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext

from bot.keyboards.settings import LANGUAGE_NAMES
from core.billing.credits import balance_of
from core.db.models import User
from core.lunar.place_names import place_label


def welcome_text(user: User) -> str:
    name = escape(user.first_name) if user.first_name else _("dreamer")
    return "\n\n".join(
        [
            _("🌙 Welcome to OneiroScope, {name}!").format(name=name),
            _(
                "Tell me a dream in a message and I will analyse it the way "
                "dream researchers do (the Hall/Van de Castle system, compared with thousands of "
                "recorded dreams), add the lunar calendar of that night and keep it in your "
                "private journal."
            ),
            balance_line(user),
            privacy_note(),
        ]
    )


def balance_line(user: User) -> str:
    """What the user can analyse now: "first analysis free" only while it is true."""
    balance = balance_of(user)
    if balance.free_dream_available:
        return _("Your first analysis is free.")
    if balance.credits > 0:
        return ngettext(
            "You have {n} analysis left.", "You have {n} analyses left.", balance.credits
        ).format(n=balance.credits)
    return _(
        "Your free analysis has been used. A dream you tell me is kept in your journal and "
        "analysed once you top up."
    )


def language_name(code: str) -> str:
    """The language's own name ("English", "Русский"), never its code."""
    return LANGUAGE_NAMES.get(code, code)


def privacy_note() -> str:
    return " ".join(
        [
            _(
                "🔒 Your dreams are personal. They are stored only to build your journal, are "
                "never shown to anyone else, and you can delete them or your whole account at "
                "any time in /settings."
            ),
            _(
                "When you delete your account, payment records stay for accounting without "
                "your name, and if you used your free analysis we keep a one-way code of your "
                "Telegram id (nothing about your dreams) so that it is not given twice."
            ),
        ]
    )


def help_text() -> str:
    return "\n".join(
        [
            _("<b>How to use OneiroScope</b>"),
            "",
            _("Just write your dream in a message, in English or Russian."),
            "",
            _("/journal — your dreams and their analyses"),
            _("/lunar — the lunar day today, for your place"),
            _("/calendar — the lunar calendar of the month"),
            _("/settings — language, place, sex for the norms, deleting your data"),
            _("/buy — buy analyses with Telegram Stars or by card"),
            _("/balance — your analyses, subscription and payments"),
            _("/paysupport — help with a payment"),
            _("/help — this message"),
        ]
    )


def settings_text(user: User) -> str:
    # «Пол для норм: не указан» — the word agrees with «пол», so it is a message of its own.
    sex_names = {"female": _("female"), "male": _("male"), "unspecified": _("not specified")}
    # The language named mid-sentence, as each language writes it («Язык: русский»).
    languages = {"en": _("English"), "ru": _("Russian")}
    place = escape(place_label(user.place_name, user.language)) if user.place_name else _("not set")
    return "\n".join(
        [
            _("<b>Settings</b>"),
            _("Language: {language}").format(language=languages.get(user.language, user.language)),
            _("Place: {place}").format(place=place),
            _("Time zone: {timezone}").format(timezone=escape(user.timezone)),
            _("Sex for the norms: {sex}").format(sex=sex_names.get(str(user.sex), user.sex)),
        ]
    )
