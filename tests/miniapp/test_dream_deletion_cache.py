"""Deleting one dream erases the LLM interpretation cache entry its analysis recorded, on
PostgreSQL and Redis: from the API as from the bot's journal (one core function); a bystander's
entry stays, and so does an entry another remaining analysis still records (a shared key)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.db.models import Dream, DreamAnalysis, User
from core.dreams.journal import delete_user_dream
from tests import services
from tests.dbutil import initialised_db
from tests.miniapp.harness import Web, analysed_dream, web_app

VICTIM, BYSTANDER = 918_273_701, 918_273_702
MINE, THEIRS, COMMON = ("llm_cache:" + c * 64 + ":en" for c in "cde")


@pytest.fixture
async def web() -> AsyncIterator[Web]:
    async with initialised_db("postgres") as url, web_app(url, services.redis_url()) as web:
        for telegram_id in (VICTIM, BYSTANDER):
            await web.call("GET", "/api/v1/me", telegram_id)
        await User.filter(telegram_id__in=(VICTIM, BYSTANDER)).update(dream_balance=5)
        yield web


async def answered(web: Web, telegram_id: int, text: str, key: str) -> Dream:
    dream = await analysed_dream(await User.get(telegram_id=telegram_id), text)
    await DreamAnalysis.filter(dream_id=dream.id).update(llm_cache_key=key)
    await web.services.cache.set(key, '{"summary": "[PERSON_1] by the sea"}', 3600)
    return dream


async def cached(web: Web, *keys: str) -> list[bool]:
    return [await web.services.cache.get(key) is not None for key in keys]


async def test_deleting_a_dream_from_the_api_erases_its_cached_answer(web: Web) -> None:
    mine = await answered(web, VICTIM, "I swam in dark water near my old school.", MINE)
    await answered(web, BYSTANDER, "A stranger chased me through a forest.", THEIRS)

    status, body = await web.call("DELETE", f"/api/v1/dreams/{mine.id}", VICTIM)

    assert (status, body) == (200, {"deleted": True})
    assert await cached(web, MINE, THEIRS) == [False, True]
    assert not await DreamAnalysis.filter(llm_cache_key=MINE).exists()


async def test_an_entry_another_analysis_still_records_is_kept(web: Web) -> None:
    mine = await answered(web, VICTIM, "A white horse spoke to me in the kitchen.", COMMON)
    await answered(web, BYSTANDER, "A white horse spoke to me in the kitchen!", COMMON)
    other = await answered(web, VICTIM, "I was late for an exam in a school with no doors.", MINE)

    victim = await User.get(telegram_id=VICTIM)
    assert await delete_user_dream(victim, str(mine.id), web.services.cache)  # as the bot does
    assert await cached(web, COMMON, MINE) == [True, True]

    assert await delete_user_dream(victim, str(other.id), web.services.cache)
    assert await cached(web, COMMON, MINE) == [True, False]
    # Another user's dream id is "no such dream" and erases nothing.
    bystanders = await Dream.get(user__telegram_id=BYSTANDER)
    assert not await delete_user_dream(victim, str(bystanders.id), web.services.cache)
    assert await cached(web, COMMON) == [True]
