"""A page of the user's journal for the API: filters (text, mood, symbol, lunar phase, dates)
and an opaque cursor, newest first. Owner-scoped like everything in ``core.dreams.journal``."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from core.db.models import Dream, DreamAnalysis, User
from core.excerpts import excerpt

EXCERPT_CHARS = 160
MAX_LIMIT = 50


class BadCursor(ValueError):
    """The cursor was not made by :func:`list_dreams` (or was edited)."""


@dataclass(frozen=True, slots=True)
class DreamFilter:
    text: str | None = None
    mood: str | None = None
    symbol: str | None = None
    phase: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def needs_analysis(self) -> bool:
        return bool(self.mood or self.symbol or self.phase)


@dataclass(frozen=True, slots=True)
class DreamCard:
    """One journal line: enough to list and filter, never the whole text."""

    dream_id: str
    created_at: datetime
    excerpt: str
    status: str
    mood: str | None
    symbols: tuple[str, ...]
    lunar_day: int | None


@dataclass(frozen=True, slots=True)
class DreamList:
    items: tuple[DreamCard, ...]
    next_cursor: str | None


def encode_cursor(created_at: datetime, dream_id: uuid.UUID) -> str:
    raw = f"{created_at.isoformat()}|{dream_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, dream_id = raw.split("|", 1)
        return datetime.fromisoformat(when), uuid.UUID(dream_id)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadCursor(cursor) from exc


def _day_start(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _base_query(user: User, filters: DreamFilter, cursor: str | None) -> Any:
    query = Dream.filter(user_id=user.id)
    zone = ZoneInfo(user.timezone or "UTC")
    if filters.text:
        query = query.filter(text__icontains=filters.text)
    if filters.date_from:
        query = query.filter(created_at__gte=_day_start(filters.date_from, zone))
    if filters.date_to:
        query = query.filter(created_at__lt=_day_start(filters.date_to + timedelta(days=1), zone))
    if cursor:
        when, last_id = decode_cursor(cursor)
        query = query.filter(Q(created_at__lt=when) | Q(created_at=when, id__lt=last_id))
    return query.order_by("-created_at", "-id")


def _matches(row: dict[str, Any] | None, filters: DreamFilter) -> bool:
    if not filters.needs_analysis:
        return True
    if row is None:
        return False
    if filters.mood and row["mood"] != filters.mood:
        return False
    if filters.symbol and filters.symbol not in (row["symbols"] or []):
        return False
    return not filters.phase or _phase(row) == filters.phase


def _phase(row: dict[str, Any] | None) -> str | None:
    lunar = ((row or {}).get("hvdc") or {}).get("lunar") or {}
    value = lunar.get("phase_key")
    return str(value) if value else None


async def _analysis_rows(
    dream_ids: list[uuid.UUID], with_details: bool
) -> dict[uuid.UUID, dict[str, Any]]:
    """The latest analysis of each dream: the listed columns only (the coding card, which is
    large, only when a phase filter needs it)."""
    columns = ["dream_id", "mood", "symbols", "lunar_day"] + (["hvdc"] if with_details else [])
    rows = (
        await DreamAnalysis.filter(dream_id__in=dream_ids).order_by("created_at").values(*columns)
    )
    return {row["dream_id"]: row for row in rows}  # the latest analysis wins


async def list_dreams(
    user: User, filters: DreamFilter, cursor: str | None = None, limit: int = 20
) -> DreamList:
    """Up to ``limit`` dreams after ``cursor``; filters on analysis fields scan in batches."""
    limit = max(1, min(limit, MAX_LIMIT))
    query = _base_query(user, filters, cursor)
    found: list[DreamCard] = []
    # Unfiltered pages read exactly one more row than they show (to know if more follow).
    batch = max(limit * 2, 40) if filters.needs_analysis else limit + 1
    offset = 0
    while len(found) <= limit:
        dreams = await query.offset(offset).limit(batch).values(*_DREAM_COLUMNS)
        if not dreams:
            break
        analyses = await _analysis_rows([d["id"] for d in dreams], bool(filters.phase))
        for dream in dreams:
            row = analyses.get(dream["id"])
            if _matches(row, filters):
                found.append(_card(dream, row))
        offset += batch
        if len(dreams) < batch:
            break
    items = tuple(found[:limit])
    more = len(found) > limit
    last = items[-1] if items and more else None
    next_cursor = encode_cursor(last.created_at, uuid.UUID(last.dream_id)) if last else None
    return DreamList(items=items, next_cursor=next_cursor)


_DREAM_COLUMNS = ("id", "created_at", "text", "status")


def _card(dream: dict[str, Any], row: dict[str, Any] | None) -> DreamCard:
    return DreamCard(
        dream_id=str(dream["id"]),
        created_at=dream["created_at"],
        excerpt=excerpt(dream["text"], EXCERPT_CHARS),
        status=str(dream["status"]),
        mood=row["mood"] if row else None,
        symbols=tuple(row["symbols"] or ()) if row else (),
        lunar_day=row["lunar_day"] if row else None,
    )
