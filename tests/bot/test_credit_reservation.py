"""Balance 1 and ten dreams sent at once: exactly one is analysed and charged, the other nine
wait for a credit, and the user gets one notice with a buy button — embedded (SQLite, in-process
jobs) and on PostgreSQL with Redis and the arq worker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from core.db.models import Dream, DreamStatus, Transaction, User
from tests import services
from tests.bot.harness import Product, running_product
from tests.dbutil import temp_database

CHAT = 3003
DREAMS = [
    f"I dreamt number {i}: I was walking through a forest at night and a fox spoke to me "
    "about my old school, and I felt calm and curious."
    for i in range(10)
]


@asynccontextmanager
async def _product(kind: str, tmp_path: Path) -> AsyncIterator[Product]:
    # No throttling in the way: this is about credits, not rate limits.
    extra = {"THROTTLE_BURST": 50, "THROTTLE_RATE": 50.0}
    if kind == "embedded":
        async with running_product(tmp_path, None, **extra) as product:
            yield product
        return
    async with (
        temp_database("postgres") as url,
        running_product(tmp_path, services.redis_url(), DATABASE_URL=url, **extra) as product,
    ):
        yield product


def _is_result(call) -> bool:  # type: ignore[no-untyped-def]
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


def _is_notice(call) -> bool:  # type: ignore[no-untyped-def]
    text = call.params.get("text", "")
    return call.method == "sendMessage" and "saved in your journal, but you have no" in text


@pytest.mark.parametrize("kind", ["embedded", "postgres"])
async def test_balance_one_and_ten_concurrent_dreams_analyse_exactly_one(
    kind: str, tmp_path: Path
) -> None:
    async with _product(kind, tmp_path) as product:
        tg = product.tg
        mark = tg.mark()
        tg.push_command(CHAT, "start")
        await tg.wait_for("sendMessage", after=mark)
        await User.filter(telegram_id=CHAT).update(free_dream_used=True, dream_balance=1)

        mark = tg.mark()
        for text in DREAMS:
            tg.push_message(CHAT, text)
        await tg.wait_for("sendMessage", _is_result, timeout=30, after=mark)
        user = await User.get(telegram_id=CHAT)
        # A dream covered by the one notice makes no Bot API call: only the database shows it.
        async with asyncio.timeout(30):
            while await Dream.filter(user_id=user.id).count() < len(DREAMS):  # noqa: ASYNC110
                await asyncio.sleep(0.05)
        await product.analyses_settled(CHAT)

        calls = tg.calls()[mark:]
        assert len([c for c in calls if _is_result(c)]) == 1
        notices = [c for c in calls if _is_notice(c)]
        assert len(notices) == 1
        assert notices[0].params["reply_markup"]["inline_keyboard"][0][0]["text"] == (
            "⭐ Buy analyses"
        )
        statuses = await Dream.filter(user_id=user.id).values_list("status", flat=True)
        assert sorted(statuses).count(DreamStatus.ANALYZED) == 1
        assert list(statuses).count(DreamStatus.WAITING_FOR_CREDIT) == 9
        await user.refresh_from_db()
        assert (user.dream_balance, user.credits_reserved) == (0, 0)
        charges = await Transaction.filter(user_id=user.id).values_list("credits", flat=True)
        assert charges == [-1]
