"""``/api/v1/dreams``: the journal (filters, cursor pages), a new dream, one dream with its
analysis. Another user's dream answers 404, exactly like a dream that does not exist."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from core.analysis.symbols.dictionary import get_symbol
from core.billing.credits import balance_of
from core.db.models import DreamAnalysis, DreamSource
from core.dreams.intake import DreamRejected, save_dream, validate_dream
from core.dreams.journal import (
    delete_user_dream,
    enqueue_analysis,
    get_user_dream,
    latest_analysis,
)
from core.dreams.report import Delivery
from core.dreams.search import BadCursor, JournalQuery, search_journal
from core.i18n import gettext
from miniapp.api.errors import ApiError, not_found
from miniapp.api.registry import ApiCall, ApiRouter, NoInput
from miniapp.keys import JOURNAL_PAGES

api = ApiRouter(tag="dreams")
IDEMPOTENCY_HEADER = "Idempotency-Key"


class DreamQuery(BaseModel):
    model_config = ConfigDict(frozen=True)  # hashable: it keys the journal page cache

    q: str | None = Field(None, max_length=200, description="Words the dream contains")
    mood: str | None = Field(None, pattern=r"^(positive|negative|mixed|neutral)$")
    symbol: str | None = Field(None, max_length=64, description="A symbol key, e.g. water")
    phase: str | None = Field(None, max_length=32, description="A lunar phase key")
    date_from: date | None = Field(None, alias="from", description="First night (its morning)")
    date_to: date | None = Field(None, alias="to", description="Last night (its morning)")
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=50)


class DreamItem(BaseModel):
    id: str
    created_at: datetime
    excerpt: str
    status: str
    mood: str | None
    symbols: list[str]
    lunar_day: int | None
    lunar_phase: str | None
    #: The night the dream belongs to, as the date of the morning that ended it.
    night_of: date


class DreamPage(BaseModel):
    items: list[DreamItem]
    next_cursor: str | None


class NewDreamIn(BaseModel):
    text: str = Field(min_length=1, max_length=50_000)


class SymbolOut(BaseModel):
    key: str
    label: str
    meaning: str
    evidence: str


class LunarOut(BaseModel):
    lunar_day: int | None
    phase: str | None
    phase_name: str | None
    illumination: float | None
    note: str


class AnalysisOut(BaseModel):
    summary: str
    interpretation: str
    mood: str
    highlights: list[str]
    symbols: list[SymbolOut]
    archetypes: list[str]
    hvdc_card: dict[str, list[str]]
    lunar: LunarOut | None
    model_used: str
    created_at: datetime


class DreamOut(BaseModel):
    id: str
    created_at: datetime
    text: str
    status: str
    source: str
    analysis: AnalysisOut | None
    #: Why no analysis runs yet, in the user's language (no credit left, ...), if so.
    notice: str | None = None


@api.route(
    "GET",
    "/dreams",
    summary="The journal: newest first, filtered, by cursor",
    input=DreamQuery,
    output=DreamPage,
)
async def get_dreams(call: ApiCall, query: DreamQuery) -> web.Response:
    user, pages = call.user, call.request.app[JOURNAL_PAGES]
    # Besides the journal (whose changes drop the user's pages): the query and the user's clock.
    key = (query, user.timezone, user.latitude, user.longitude)
    if (cached := pages.get(user.id, key)) is not None:
        return _page_response(cached)
    ticket = pages.ticket(user.id)  # before the reads: a change heard meanwhile voids the page
    body = (await _journal_page(call, query)).model_dump_json().encode()
    pages.put(user.id, key, body, ticket)
    return _page_response(body)


def _page_response(body: bytes) -> web.Response:
    return web.Response(
        body=body, content_type="application/json", headers={"Cache-Control": "no-store"}
    )


async def _journal_page(call: ApiCall, query: DreamQuery) -> DreamPage:
    search = JournalQuery(
        words=query.q or "",
        symbol=query.symbol,
        mood=query.mood,
        lunar_phase=query.phase,
        night_from=query.date_from,
        night_to=query.date_to,
        cursor=query.cursor,
        limit=query.limit,
    )
    try:
        page = await search_journal(call.user, search)
    except BadCursor as exc:
        raise ApiError(
            422, "bad_cursor", "The cursor is not valid; start from the first page"
        ) from exc
    items = [
        DreamItem(
            id=hit.dream_id,
            created_at=hit.created_at,
            excerpt=hit.excerpt,
            status=hit.status,
            mood=hit.mood,
            symbols=list(hit.symbols),
            lunar_day=hit.lunar_day,
            lunar_phase=hit.lunar_phase,
            night_of=hit.night_of,
        )
        for hit in page.hits
    ]
    return DreamPage(items=items, next_cursor=page.next_cursor)


def _symbols(details: dict[str, Any], locale: str) -> list[SymbolOut]:
    found = []
    for hit in details.get("symbol_hits", ()):
        entry = get_symbol(str(hit.get("key", "")))
        found.append(
            SymbolOut(
                key=str(hit.get("key", "")),
                label=entry.label(locale) if entry else str(hit.get("label", "")),
                meaning=entry.meaning(locale) if entry else str(hit.get("meaning", "")),
                evidence=str(hit.get("evidence", "")),
            )
        )
    return found


def analysis_out(row: DreamAnalysis, locale: str) -> AnalysisOut:
    details: dict[str, Any] = row.hvdc or {}
    lunar = details.get("lunar") or None
    return AnalysisOut(
        summary=row.summary,
        interpretation=row.interpretation,
        mood=row.mood,
        highlights=[str(h) for h in details.get("highlights", ())],
        symbols=_symbols(details, locale),
        archetypes=list(row.archetypes or ()),
        hvdc_card={k: list(v) for k, v in (details.get("card") or {}).items()},
        lunar=LunarOut(
            lunar_day=lunar.get("lunar_day"),
            phase=lunar.get("phase_key"),
            phase_name=lunar.get("phase_name"),
            illumination=lunar.get("illumination"),
            note=row.lunar_effect,
        )
        if lunar
        else None,
        model_used=row.model_used,
        created_at=row.created_at,
    )


@api.route(
    "GET",
    "/dreams/{dream_id}",
    summary="One dream with its latest analysis",
    input=NoInput,
    output=DreamOut,
)
async def get_dream(call: ApiCall, _: NoInput) -> DreamOut:
    dream = await get_user_dream(call.user, call.path("dream_id"))
    if dream is None:
        raise not_found("No such dream")
    row = await latest_analysis(dream)
    return DreamOut(
        id=str(dream.id),
        created_at=dream.created_at,
        text=dream.text,
        status=str(dream.status),
        source=str(dream.source),
        analysis=analysis_out(row, call.locale) if row else None,
    )


@api.route(
    "POST",
    "/dreams",
    summary="Save a new dream and start its analysis",
    input=NewDreamIn,
    output=DreamOut,
    status=201,
)
async def create_dream(call: ApiCall, body: NewDreamIn) -> DreamOut:
    user, settings = call.user, call.services.settings
    try:
        text = validate_dream(
            body.text, min_chars=settings.min_dream_chars, max_chars=settings.max_dream_chars
        )
    except DreamRejected as rejected:
        message = gettext(rejected.message, call.locale).format(**rejected.params)
        raise ApiError(422, f"dream_{rejected.reason}", message) from rejected
    key = call.request.headers.get(IDEMPOTENCY_HEADER, "")[:64]
    origin = f"web:{user.id}:{key}" if key else None
    dream, created = await save_dream(user, text, source=DreamSource.WEB, origin_key=origin)
    notice = None
    if not balance_of(user).can_analyze:
        notice = gettext(
            "Your dream is saved in your journal, but you have no analyses left. "
            "Top up to analyse it — nothing else is needed, it will wait for you.",
            call.locale,
        )
    elif created and user.telegram_id is not None:
        delivery = Delivery(chat_id=user.telegram_id, status_message_id=None, locale=user.language)
        await enqueue_analysis(call.services.jobs, dream, delivery)
    return DreamOut(
        id=str(dream.id),
        created_at=dream.created_at,
        text=dream.text,
        status=str(dream.status),
        source=str(dream.source),
        analysis=None,
        notice=notice,
    )


class DeletedDream(BaseModel):
    deleted: bool


@api.route(
    "DELETE",
    "/dreams/{dream_id}",
    summary="Delete one dream with its analysis",
    input=NoInput,
    output=DeletedDream,
)
async def delete_dream(call: ApiCall, _: NoInput) -> DeletedDream:
    if not await delete_user_dream(call.user, call.path("dream_id"), call.services.cache):
        raise not_found("No such dream")
    return DeletedDream(deleted=True)
