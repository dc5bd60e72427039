"""``/api/v1/stats``: the h-profile against the norms of the user's sex (with the sample-size
caveat), moods and emotions over time, top symbols and characters, the moon and the dreams."""

from __future__ import annotations

import asyncio

from aiohttp import web
from pydantic import BaseModel

from core.analysis.norms import MIN_DREAMS, RECOMMENDED_DREAMS, render_h_profile, verdict_label
from core.i18n import gettext
from core.insights import journal_insights
from core.insights.overview import analysed_dreams, user_h_profile
from core.insights.tallies import EMOTION_NAMES
from miniapp.api.registry import ApiCall, ApiRouter, NoInput

api = ApiRouter(tag="stats")


class HRowOut(BaseModel):
    key: str
    label: str
    value: float | None
    norm: float | None
    h: float | None
    h_low: float | None
    h_high: float | None
    verdict: str
    verdict_label: str


class ProfileOut(BaseModel):
    norm_group: str
    n_dreams: int
    enough_dreams: bool
    tentative: bool
    min_dreams: int
    recommended_dreams: int
    rows: list[HRowOut]
    reading: list[str]


class MonthOut(BaseModel):
    month: str
    dreams: int
    moods: dict[str, int]
    emotions: dict[str, int]


class RankedOut(BaseModel):
    key: str
    label: str
    count: int


class MoonOut(BaseModel):
    dreams: int
    enough: bool
    reading: str


class StatsOut(BaseModel):
    profile: ProfileOut
    months: list[MonthOut]
    emotion_names: dict[str, str]
    symbols: list[RankedOut]
    characters: list[RankedOut]
    moon: MoonOut


@api.route(
    "GET", "/stats", summary="Statistics of the caller's journal", input=NoInput, output=StatsOut
)
async def get_stats(call: ApiCall, _: NoInput) -> StatsOut:
    locale = call.locale
    insights = await journal_insights(call.user, locale)
    profile = insights.profile
    rows = [
        HRowOut(
            key=r.key,
            label=gettext(r.label, locale),
            value=r.value,
            norm=r.norm,
            h=r.h,
            h_low=r.h_ci[0] if r.h_ci else None,
            h_high=r.h_ci[1] if r.h_ci else None,
            verdict=r.verdict.value,
            verdict_label=verdict_label(r.verdict, locale),
        )
        for r in profile.headline_rows()
    ]
    return StatsOut(
        profile=ProfileOut(
            norm_group=profile.norm_group,
            n_dreams=profile.n_dreams,
            enough_dreams=profile.enough_dreams,
            tentative=profile.tentative,
            min_dreams=MIN_DREAMS,
            recommended_dreams=RECOMMENDED_DREAMS,
            rows=rows,
            reading=insights.reading,
        ),
        months=[
            MonthOut(month=m.month, dreams=m.dreams, moods=m.moods, emotions=m.emotions)
            for m in insights.months
        ],
        emotion_names={k: gettext(v, locale) for k, v in EMOTION_NAMES.items()},
        symbols=[RankedOut(key=s.key, label=s.label, count=s.count) for s in insights.symbols],
        characters=[
            RankedOut(key=c.key, label=c.label, count=c.count) for c in insights.characters
        ],
        moon=MoonOut(
            dreams=insights.moon.dreams, enough=insights.moon.enough, reading=insights.moon_reading
        ),
    )


@api.route(
    "GET",
    "/stats/h-profile.png",
    summary="The h-profile as a picture",
    input=NoInput,
    output=None,
    produces=("image/png",),
)
async def get_h_profile_png(call: ApiCall, _: NoInput) -> web.Response:
    dreams = await analysed_dreams(call.user)
    profile = user_h_profile(dreams, call.user)
    png = await asyncio.to_thread(render_h_profile, profile, call.locale)
    return web.Response(body=png, content_type="image/png", headers={"Cache-Control": "no-store"})
