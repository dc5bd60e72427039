"""Jungian archetypes the symbols evoke: stable keys, with names and notes through gettext."""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_, gettext


@dataclass(frozen=True, slots=True)
class Archetype:
    """An archetype key with its English name and a one-line note (both msgids)."""

    key: str
    name: str
    note: str


ARCHETYPES: dict[str, Archetype] = {
    a.key: a
    for a in (
        Archetype(
            "shadow",
            N_("the Shadow"),
            N_("the disowned side of the personality, what we would rather not see in ourselves"),
        ),
        Archetype(
            "anima_animus",
            N_("the Anima/Animus"),
            N_("the inner partner, the contrasexual side that draws us toward wholeness"),
        ),
        Archetype(
            "self",
            N_("the Self"),
            N_("the centre and the wholeness of the psyche"),
        ),
        Archetype(
            "persona",
            N_("the Persona"),
            N_("the social mask, the face we show to others"),
        ),
        Archetype(
            "great_mother",
            N_("the Great Mother"),
            N_("nurture, origin and the power to hold or to smother"),
        ),
        Archetype(
            "father",
            N_("the Father"),
            N_("order, authority and the rules we live by"),
        ),
        Archetype(
            "wise_old_man",
            N_("the Wise Old Man"),
            N_("inner guidance and the meaning that comes with experience"),
        ),
        Archetype(
            "hero",
            N_("the Hero"),
            N_("the part of us that meets a challenge and grows through it"),
        ),
        Archetype(
            "trickster",
            N_("the Trickster"),
            N_("play, mischief and the upsetting of fixed rules"),
        ),
        Archetype(
            "child",
            N_("the Child"),
            N_("new possibility, innocence and the future"),
        ),
        Archetype(
            "rebirth",
            N_("Rebirth"),
            N_("transformation: an ending that makes room for a beginning"),
        ),
        Archetype(
            "journey",
            N_("the Journey"),
            N_("the path of individuation, leaving the familiar to find oneself"),
        ),
    )
}


def archetype_name(key: str, locale: str) -> str:
    """The localized name of an archetype key (the key itself if unknown)."""
    archetype = ARCHETYPES.get(key)
    return gettext(archetype.name, locale) if archetype else key


def archetype_note(key: str, locale: str) -> str:
    """The localized one-line note of an archetype key (empty if unknown)."""
    archetype = ARCHETYPES.get(key)
    return gettext(archetype.note, locale) if archetype else ""
