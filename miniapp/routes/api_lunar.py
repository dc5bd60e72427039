"""``/api/v1/lunar``: the moon today, on a date and over a month, at the caller's place."""

from __future__ import annotations

import asyncio
import re
from datetime import date, datetime

from aiohttp import web
from pydantic import BaseModel

from core.lunar import LunarError
from core.lunar.places import Place, user_place
from core.lunar.views import DAYS, day_json, month_json
from miniapp.api.errors import ApiError
from miniapp.api.registry import ApiCall, ApiRouter, NoInput

api = ApiRouter(tag="lunar")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class LunarDayOut(BaseModel):
    date: str
    lunar_day: int | None
    lunar_days: list[dict[str, object]]
    moonrise: list[str]
    moonset: list[str]
    phase: str
    phase_name: str
    illumination: float
    sign: str
    sign_name: str
    note: str
    place: dict[str, object]


class LunarMonthOut(BaseModel):
    year: int
    month: int
    days: list[dict[str, object]]


def _place(call: ApiCall) -> Place:
    user = call.user
    return user_place(user.latitude, user.longitude, user.timezone, user.place_name)[0]


def _json(body: bytes) -> web.Response:
    return web.Response(
        body=body,
        content_type="application/json",
        headers={"Cache-Control": "private, max-age=300"},
    )


async def _day(call: ApiCall, day: date) -> web.Response:
    place = _place(call)
    # A memoised day comes straight back; a first computation (~ms) runs off the event loop.
    body = DAYS.peek((day, place, call.locale))
    if body is None:
        try:
            body = await asyncio.to_thread(day_json, day, place, call.locale)
        except LunarError as exc:
            raise ApiError(422, "lunar_out_of_range", str(exc)) from exc
    return _json(body)


@api.route(
    "GET",
    "/lunar/today",
    summary="The moon today at the caller's place",
    input=NoInput,
    output=LunarDayOut,
)
async def lunar_today(call: ApiCall, _: NoInput) -> web.Response:
    place = _place(call)
    return await _day(call, datetime.now(place.zone).date())


@api.route(
    "GET",
    "/lunar/day/{day}",
    summary="The moon on a date (YYYY-MM-DD)",
    input=NoInput,
    output=LunarDayOut,
)
async def lunar_day(call: ApiCall, _: NoInput) -> web.Response:
    try:
        day = date.fromisoformat(call.path("day"))
    except ValueError as exc:
        raise ApiError(422, "bad_date", "Use a date like 2026-03-14") from exc
    return await _day(call, day)


@api.route(
    "GET",
    "/lunar/month/{month}",
    summary="Every date of a month (YYYY-MM)",
    input=NoInput,
    output=LunarMonthOut,
)
async def lunar_month(call: ApiCall, _: NoInput) -> web.Response:
    match = _MONTH.match(call.path("month"))
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ApiError(422, "bad_month", "Use a month like 2026-03")
    try:
        body = await asyncio.to_thread(
            month_json, int(match.group(1)), int(match.group(2)), _place(call)
        )
    except LunarError as exc:
        raise ApiError(422, "lunar_out_of_range", str(exc)) from exc
    return _json(body)
