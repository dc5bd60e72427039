"""The day text: local times, both languages, folklore labelled, and the 24 h cache."""

from __future__ import annotations

from datetime import date

from core.cache import MemoryCache
from core.lunar.interpreter import DAY_NOTES, PHASE_NOTES, day_note, folklore_note
from core.lunar.places import Place
from core.lunar.service import day_report, lunar_context
from core.lunar.text import CACHE_TTL_S, cache_key, cached_day_text, day_text

MOSCOW = Place("Москва", 55.75, 37.62, "Europe/Moscow")


def test_day_text_in_russian_shows_local_times_and_the_folklore_label() -> None:
    text = day_text(day_report(date(2026, 11, 26), MOSCOW), "ru").replace("\u202f", " ")
    assert text.splitlines()[0] == "Луна на 26 ноября 2026 г. — Москва"
    assert "18-й лунный день: 16:59 – 27 нояб. 18:29" in text
    assert "Фаза: Убывающая Луна, освещено 95% в полдень" in text
    assert "Луна в знаке Близнецов" in text  # the sign in the genitive, as Russian says it
    assert "Народное поверье, не наука:" in text


def test_day_text_in_english() -> None:
    text = day_text(day_report(date(2026, 11, 26), MOSCOW), "en")
    assert "Lunar day 18: 16:59 – 27 Nov 18:29" in text and "Folk belief, not science:" in text


async def test_cached_text_is_stored_under_the_documented_key_for_24_hours() -> None:
    cache = MemoryCache()
    text = await cached_day_text(date(2026, 11, 26), MOSCOW, "ru", cache)
    key = cache_key(date(2026, 11, 26), MOSCOW, "ru")
    assert key == "lunar:2026-11-26:55.75,37.62,Europe/Moscow:ru"
    assert await cache.get(key) == text and CACHE_TTL_S == 86400
    await cache.set(key, "from the cache", CACHE_TTL_S)
    assert await cached_day_text(date(2026, 11, 26), MOSCOW, "ru", cache) == "from the cache"
    assert await cached_day_text(date(2026, 11, 26), MOSCOW, "ru") == text


def test_folklore_covers_thirty_days_and_eight_phases_in_russian() -> None:
    assert len(DAY_NOTES) == 30 and len(PHASE_NOTES) == 8
    assert all(day_note(d, "ru") != DAY_NOTES[d - 1] for d in range(1, 31))
    note = folklore_note(3, "full_moon", "ru")
    assert note.startswith("Народное поверье, не наука:") and "полнолуние" in note.lower()


def test_lunar_context_for_a_dream_instant() -> None:
    from datetime import UTC, datetime

    context = lunar_context(datetime(2026, 11, 24, 14, 0, tzinfo=UTC), MOSCOW, "ru")
    assert context.phase_key == "full_moon" and context.phase_name == "Полнолуние"
    assert context.illumination > 0.99 and 1 <= context.lunar_day <= 30
    assert context.folklore_note.startswith("Народное поверье")
