"""The journal search the bot's /journal and the web API share: words, symbol, mood, lunar
phase, nights and cursor pages, always scoped to the owner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from core.db.models import Dream, DreamAnalysis, DreamStatus, User
from core.dreams.search import BadCursor, JournalQuery, search_journal


async def _dream(user: User, text: str, told: datetime, **analysis: Any) -> Dream:
    dream = await Dream.create(user=user, text=text, status=DreamStatus.ANALYZED)
    await Dream.filter(id=dream.id).update(created_at=told)
    if analysis:
        lunar = {"phase_key": analysis.pop("phase")} if "phase" in analysis else None
        await DreamAnalysis.create(
            dream=dream, interpretation="…", hvdc={"lunar": lunar}, **analysis
        )
    return await Dream.get(id=dream.id)


async def _journal(database: str) -> tuple[User, User]:
    del database
    me = await User.create(telegram_id=1, timezone="Europe/London")
    other = await User.create(telegram_id=2)
    base = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    await _dream(me, "A whale sang under the ice.", base, symbols=["whale"], mood="positive",
                 phase="full_moon")  # fmt: skip
    await _dream(me, "Мне снилось, что я плыву со змеями.", base + timedelta(days=1),
                 symbols=["snake"], mood="mixed", phase="waning_gibbous")  # fmt: skip
    await _dream(me, "I was chased through a dark house.", base + timedelta(days=2),
                 symbols=["house"], mood="negative", phase="waning_gibbous")  # fmt: skip
    await _dream(me, "Whales again, hundreds of whales in the sky.", base + timedelta(days=3))
    await _dream(other, "A whale, but in somebody else's journal.", base, symbols=["whale"])
    return me, other


async def test_words_find_other_forms_of_the_word(database: str) -> None:
    me, _other = await _journal(database)
    found = await search_journal(me, JournalQuery(words="whales"))
    assert [h.excerpt[:12] for h in found.hits] == ["Whales again", "A whale sang"]
    assert found.next_cursor is None and found.terms == ("whales",)


async def test_a_symbol_word_finds_the_symbol_in_either_language(database: str) -> None:
    me, _other = await _journal(database)
    found = await search_journal(me, JournalQuery(words="Snakes"))
    assert [h.excerpt[:11] for h in found.hits] == ["Мне снилось"]


async def test_filters_combine(database: str) -> None:
    me, _other = await _journal(database)
    by_mood = await search_journal(me, JournalQuery(mood="negative"))
    assert [h.symbols for h in by_mood.hits] == [("house",)]
    by_phase = await search_journal(me, JournalQuery(lunar_phase="waning_gibbous", symbol="snake"))
    assert [h.mood for h in by_phase.hits] == ["mixed"]


async def test_nights_are_the_mornings_the_dreams_were_told(database: str) -> None:
    me, _other = await _journal(database)
    found = await search_journal(
        me, JournalQuery(night_from=date(2026, 12, 2), night_to=date(2026, 12, 3))
    )
    assert [h.night_of for h in found.hits] == [date(2026, 12, 3), date(2026, 12, 2)]


async def test_cursor_pages_never_repeat_or_skip(database: str) -> None:
    me, _other = await _journal(database)
    first = await search_journal(me, JournalQuery(limit=3))
    assert len(first.hits) == 3 and first.next_cursor is not None
    await _dream(me, "A dream added while paging.", datetime.now(UTC))
    second = await search_journal(me, JournalQuery(limit=3, cursor=first.next_cursor))
    assert [h.excerpt[:12] for h in second.hits] == ["A whale sang"]
    assert second.next_cursor is None
    with pytest.raises(BadCursor):
        await search_journal(me, JournalQuery(cursor="not-a-cursor"))


async def test_nobody_finds_another_users_dreams(database: str) -> None:
    _me, other = await _journal(database)
    found = await search_journal(other, JournalQuery(words="whale"))
    assert len(found.hits) == 1 and "somebody else" in found.hits[0].excerpt
