"""The 13 HVdC categories by name, for showing codes to a user in their language."""

from __future__ import annotations

from core.i18n import N_, gettext

CATEGORY_NAMES: dict[str, str] = {
    "characters": N_("characters"),
    "aggression": N_("aggression"),
    "friendliness": N_("friendliness"),
    "sexuality": N_("sexuality"),
    "settings": N_("settings"),
    "objects": N_("objects"),
    "activities": N_("activities"),
    "modifiers": N_("modifiers"),
    "failure": N_("failure"),
    "success": N_("success"),
    "misfortune": N_("misfortune"),
    "good_fortune": N_("good fortune"),
    "emotions": N_("emotions"),
}


def category_name(category: str, locale: str) -> str:
    """The category's name in ``locale`` (the key itself for an unknown category)."""
    msgid = CATEGORY_NAMES.get(category)
    return gettext(msgid, locale) if msgid else category
