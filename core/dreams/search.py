"""Searching one user's journal: by words, symbol, mood, lunar phase and night, a page at a time.

One plain function, :func:`search_journal`, serves the bot's ``/journal <words>`` and the web
API alike. Pages are cut by an opaque cursor (the last dream's time and id), so a dream added
while someone pages through never shifts or repeats an entry the way offsets would.

Words match the dream's text (any inflection the symbol dictionary knows, so "whales" finds
"a whale" and "кит" finds "китами") or the symbols its analysis found. Filters that live in the
analysis (symbol, mood, phase) are read from the latest analysis of each dream.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tortoise.expressions import Q

from core.analysis.symbols.forms import WORD_RE, normalize_word
from core.analysis.symbols.matcher import find_symbols
from core.db.models import Dream, User
from core.dreams.journal_reads import (
    PageBounds,
    ToldDream,
    latest_analyses,
    told_dreams,
)
from core.dreams.lunar_night import user_night
from core.excerpts import excerpt
from core.lunar.night import dream_moment
from core.lunar.places import user_place

MAX_LIMIT = 50
EXCERPT_CHARS = 80
#: Candidate dreams read per round while filters that live in the analysis thin them out.
_BATCH = 100
_MIN_STEM = 4


class BadCursor(ValueError):
    """The cursor was not made by :func:`search_journal` (or was cut); start from the top."""


@dataclass(frozen=True, slots=True)
class JournalQuery:
    """What to look for; every field is optional and they combine with AND."""

    words: str = ""
    symbol: str | None = None  # a symbol key, e.g. "water"
    mood: str | None = None  # positive | negative | mixed | neutral
    lunar_phase: str | None = None  # a LunarContext.phase_key, e.g. "full_moon"
    night_from: date | None = None  # inclusive, the morning's date of the dream's night
    night_to: date | None = None  # inclusive
    cursor: str | None = None
    limit: int = 10


@dataclass(frozen=True, slots=True)
class JournalHit:
    dream_id: str
    created_at: datetime
    night_of: date  # the morning that ended the night the dream belongs to
    excerpt: str
    status: str
    mood: str | None
    symbols: tuple[str, ...]
    lunar_day: int | None
    lunar_phase: str | None


@dataclass(frozen=True, slots=True)
class JournalResults:
    hits: list[JournalHit]
    next_cursor: str | None  # None on the last page
    terms: tuple[str, ...] = field(default=())  # the words that were searched for


def encode_cursor(created_at: datetime, dream_id: uuid.UUID) -> str:
    raw = f"{created_at.isoformat()}|{dream_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, dream_id = raw.split("|", 1)
        return datetime.fromisoformat(moment), uuid.UUID(dream_id)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadCursor(cursor) from exc


def query_terms(words: str) -> tuple[str, ...]:
    """The distinct words of a search, lower-cased (ё read as е)."""
    seen: dict[str, None] = {}
    for word in WORD_RE.findall(words):
        seen.setdefault(normalize_word(word), None)
    return tuple(seen)


def _stem(term: str) -> str:
    """A conservative prefix that still finds other forms of the word in a substring search."""
    for ending in ("ies", "es", "s", "ами", "ями", "ах", "ях", "ов", "ей", "ом", "ой", "а", "ы",
                   "и", "у", "е", "о", "я", "ь"):  # fmt: skip
        if term.endswith(ending) and len(term) - len(ending) >= _MIN_STEM:
            return term[: -len(ending)]
    return term


@dataclass(frozen=True, slots=True)
class _Term:
    """One searched word: substrings of the text that count, and symbol keys that count."""

    stems: tuple[str, ...]
    symbols: frozenset[str]


def _term(word: str) -> _Term:
    keys = frozenset(hit.key for hit in find_symbols(word, "en"))
    return _Term(stems=(word, _stem(word)), symbols=keys)


def _text_filter(term: _Term) -> Q:
    condition = Q(text__icontains=term.stems[0])
    for stem in term.stems[1:]:
        condition |= Q(text__icontains=stem)
    return condition


def _base_filter(user: User, terms: list[_Term], query: JournalQuery) -> Q:
    condition = Q(user_id=user.id)
    for term in terms:
        if not term.symbols:  # symbol matches are checked on the analysis, after the read
            condition &= _text_filter(term)
    if query.night_from is not None:
        condition &= Q(created_at__gte=_day_start(query.night_from - timedelta(days=1), user))
    if query.night_to is not None:
        condition &= Q(created_at__lt=_day_start(query.night_to + timedelta(days=2), user))
    if query.cursor:
        moment, dream_id = decode_cursor(query.cursor)
        condition &= Q(created_at__lt=moment) | Q(created_at=moment, id__lt=dream_id)
    return condition


def _zone(user: User) -> ZoneInfo:
    try:
        return ZoneInfo(user.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _day_start(day: date, user: User) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=_zone(user))


def dream_night(dream: Dream, user: User) -> date:
    """The dream's night as the morning's date: the chosen one, else the night before it was
    told (:mod:`core.lunar.night` says why)."""
    return user_night(dream.created_at, user, dream.dreamt_on).morning


def _phase(row: dict[str, Any] | None) -> str | None:
    phase = row["phase"] if row else None
    return str(phase) if phase else None


def _matches(dream: ToldDream, row: dict[str, Any] | None, terms: list[_Term], query: JournalQuery,
             night: date) -> bool:  # fmt: skip
    symbols = set(row["symbols"] if row else ())
    text = normalize_word(dream.text) if terms else ""
    for term in terms:
        if not (term.symbols & symbols or any(stem in text for stem in term.stems)):
            return False
    if query.symbol is not None and query.symbol not in symbols:
        return False
    if query.mood is not None and (row is None or row["mood"] != query.mood):
        return False
    if query.lunar_phase is not None and _phase(row) != query.lunar_phase:
        return False
    if query.night_from is not None and night < query.night_from:
        return False
    return query.night_to is None or night <= query.night_to


def _hit(dream: ToldDream, row: dict[str, Any] | None, night: date) -> JournalHit:
    return JournalHit(
        dream_id=str(dream.id),
        created_at=dream.created_at,
        night_of=night,
        excerpt=excerpt(dream.text, EXCERPT_CHARS),
        status=str(dream.status),
        mood=row["mood"] if row else None,
        symbols=tuple(row["symbols"]) if row else (),
        lunar_day=row["lunar_day"] if row else None,
        lunar_phase=_phase(row),
    )


async def _read(
    user: User, terms: list[_Term], query: JournalQuery, offset: int, size: int
) -> list[ToldDream]:
    """A batch of candidate dreams, newest first. Words need the ORM's case-insensitive
    substring search (spelled differently by each database); everything else is a fixed
    statement (the journal's first screen)."""
    if not terms:
        return await told_dreams(user.id, _bounds(user, query), offset, size)
    dreams = (
        await Dream.filter(_base_filter(user, terms, query))
        .order_by("-created_at", "-id")
        .offset(offset)
        .limit(size)
    )
    return [ToldDream(d.id, d.created_at, d.text, str(d.status), d.dreamt_on) for d in dreams]


def _bounds(user: User, query: JournalQuery) -> PageBounds:
    """The database's part of the night and cursor filters (as :func:`_base_filter` has it)."""
    since = until = None
    if query.night_from is not None:
        since = _day_start(query.night_from - timedelta(days=1), user)
    if query.night_to is not None:
        until = _day_start(query.night_to + timedelta(days=2), user)
    cursor = decode_cursor(query.cursor) if query.cursor else None
    return PageBounds(since, until, cursor)


def _exact(terms: list[_Term], query: JournalQuery) -> bool:
    """True when the database's filter is the whole filter (nothing is checked after the read)."""
    after_read = (query.symbol, query.mood, query.lunar_phase, query.night_from, query.night_to)
    return not terms and all(value is None for value in after_read)


async def search_journal(user: User, query: JournalQuery) -> JournalResults:
    """One page of the user's dreams matching ``query``, newest first.

    Raises :class:`BadCursor` for a cursor this function did not make.
    """
    limit = max(1, min(query.limit, MAX_LIMIT))
    words = query_terms(query.words)
    terms = [_term(word) for word in words]
    if query.cursor:
        decode_cursor(query.cursor)  # a bad cursor fails before any read
    zone = user_place(user.latitude, user.longitude, user.timezone, user.place_name)[0].zone
    hits: list[JournalHit] = []
    offset = 0
    # Without filters that are checked after the read, every dream read is a hit.
    size = limit + 1 if _exact(terms, query) else _BATCH
    while len(hits) <= limit:
        batch = await _read(user, terms, query, offset, size)
        rows = await latest_analyses([d.id for d in batch])
        for dream in batch:
            row = rows.get(dream.id)
            night = dream_moment(dream.created_at, zone, dream.dreamt_on).morning
            if _matches(dream, row, terms, query, night):
                hits.append(_hit(dream, row, night))
                if len(hits) > limit:
                    break
        if len(batch) < size:
            break
        offset += size
    page, more = hits[:limit], len(hits) > limit
    next_cursor = encode_cursor(page[-1].created_at, uuid.UUID(page[-1].dream_id)) if more else None
    return JournalResults(hits=page, next_cursor=next_cursor, terms=words)
