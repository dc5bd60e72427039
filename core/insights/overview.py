"""The statistics page's data for one user, read from their analysed dreams."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from core.analysis.norms import HProfile, compute_indicators, h_profile, plain_reading
from core.db.models import DreamAnalysis, Sex, User
from core.dreams.moon_stats import has_negative_emotion
from core.insights.tallies import (
    AnalysedDream,
    MonthMoods,
    Ranked,
    as_analysed,
    moods_by_month,
    top_characters,
    top_symbols,
)
from core.lunar.places import user_place
from core.lunar.stats import DreamPoint, MoonRelationship, describe, moon_relationship


@dataclass(frozen=True, slots=True)
class JournalInsights:
    profile: HProfile
    reading: list[str]
    months: list[MonthMoods]
    symbols: list[Ranked]
    characters: list[Ranked]
    moon: MoonRelationship
    moon_reading: str


def norm_sex(user: User) -> str | None:
    """The norms to compare with: the user's sex when given, else the pooled norms."""
    return user.sex.value if user.sex in (Sex.FEMALE, Sex.MALE) else None


async def analysed_dreams(user: User) -> list[AnalysedDream]:
    rows = await DreamAnalysis.filter(dream__user_id=user.id).values(
        "dream__created_at", "mood", "hvdc", "symbols"
    )
    return [as_analysed(row) for row in rows]


def user_h_profile(dreams: list[AnalysedDream], user: User) -> HProfile:
    return h_profile(compute_indicators([d.card for d in dreams]), norm_sex(user))


def _moon(dreams: list[AnalysedDream], user: User) -> MoonRelationship:
    place, _default = user_place(user.latitude, user.longitude, user.timezone, user.place_name)
    points = [
        DreamPoint(d.when, d.mood, has_negative_emotion({k: list(v) for k, v in d.card.items()}))
        for d in dreams
    ]
    return moon_relationship(points, place)


def _compute(dreams: list[AnalysedDream], user: User, locale: str) -> JournalInsights:
    profile = user_h_profile(dreams, user)
    moon = _moon(dreams, user)
    return JournalInsights(
        profile=profile,
        reading=plain_reading(profile, locale),
        months=moods_by_month(dreams),
        symbols=top_symbols(dreams, locale),
        characters=top_characters(dreams, locale),
        moon=moon,
        moon_reading=describe(moon, locale),
    )


async def journal_insights(user: User, locale: str) -> JournalInsights:
    """Everything the statistics page shows (the permutation tests run off the event loop)."""
    dreams = await analysed_dreams(user)
    return await asyncio.to_thread(_compute, dreams, user, locale)
