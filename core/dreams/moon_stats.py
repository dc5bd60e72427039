"""Whether the moon relates to *this user's* dreams: their analysed dreams, tested honestly."""

from __future__ import annotations

import asyncio

from core.db.models import DreamAnalysis, User
from core.dreams.lunar_night import user_night
from core.lunar.places import user_place
from core.lunar.stats import DreamPoint, describe, moon_relationship

NEGATIVE_EMOTIONS = ("AN", "AP", "SD", "CO")


def has_negative_emotion(card: dict[str, list[str]]) -> bool:
    """True when the HVdC card codes anger, apprehension, sadness or confusion."""
    return any(code.startswith(NEGATIVE_EMOTIONS) for code in card.get("emotions", []))


async def dream_points(user: User) -> list[DreamPoint]:
    rows = await DreamAnalysis.filter(dream__user_id=user.id).values(
        "dream__created_at", "dream__dreamt_on", "mood", "hvdc"
    )
    return [
        DreamPoint(
            # Each dream counts on its night, at the moment its analysis read the moon.
            when=user_night(row["dream__created_at"], user, row["dream__dreamt_on"]).middle,
            mood=row["mood"],
            negative_emotion=has_negative_emotion((row["hvdc"] or {}).get("card", {})),
        )
        for row in rows
    ]


async def moon_and_my_dreams(user: User) -> str:
    """One honest, localized paragraph (or how many more dreams are needed)."""
    points = await dream_points(user)
    place, _default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
    # Thousands of permutations: off the event loop.
    result = await asyncio.to_thread(moon_relationship, points, place)
    return describe(result, user.language)
