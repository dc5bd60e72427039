"""A burst of dreams is slowed down, never lost: every dream is kept, the free analysis is
spent once, the rest wait for credits, and the user is told once. Through the real bot."""

from __future__ import annotations

import asyncio

from core.db.models import Dream, DreamStatus, User
from tests.bot.harness import Product
from tests.fakes.telegram_state import Call

CHAT = 5005
PLACES = ("a lighthouse", "my old school", "a train station", "a forest cabin", "a hospital",
          "an airport", "my grandmother's kitchen", "a frozen lake", "a theatre", "a market")  # fmt: skip
PEOPLE = ("my brother", "a stranger in a grey coat")
BURST = [
    f"I was in {PLACES[n % 10]} with {PEOPLE[n % 2]}. We were looking for a lost key and "
    f"the light kept changing. Dream number {n + 1} of the night, and I woke up puzzled."
    for n in range(20)
]


SETTLE_WAIT_S = 120.0


async def _all_settled(product: Product, telegram_id: int, after: int) -> None:
    """Until every dream of the burst either started its analysis (its status message went out)
    or waits for a credit, and every analysis started has finished: paced dreams start seconds
    after they were stored, so the jobs alone are not enough to wait for."""
    user = await User.get(telegram_id=telegram_id)

    def started() -> int:
        calls = product.tg.calls()[after:]
        texts = [c.params.get("text", "") for c in calls if c.method == "sendMessage"]
        return sum(1 for t in texts if "Dream received" in t)

    async with asyncio.timeout(SETTLE_WAIT_S):
        while True:
            waiting = await Dream.filter(
                user_id=user.id, status=DreamStatus.WAITING_FOR_CREDIT
            ).count()
            if started() + waiting >= len(BURST):
                break
            await asyncio.sleep(0.1)
    await product.analyses_settled(telegram_id)


def is_result(call: Call) -> bool:
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


JOURNAL_WAIT_S = 60.0


async def _journal_of(telegram_id: int, count: int) -> list[Dream]:
    async with asyncio.timeout(JOURNAL_WAIT_S):
        while True:
            user = await User.get_or_none(telegram_id=telegram_id)
            if user is not None:
                dreams = await Dream.filter(user_id=user.id)
                if len(dreams) >= count:
                    return dreams
            await asyncio.sleep(0.05)


async def test_twenty_dreams_in_two_seconds_are_all_kept_and_none_is_dropped(
    product: Product,
) -> None:
    tg = product.tg
    mark = tg.mark()
    for text in BURST:
        tg.push_message(CHAT, text)
        await asyncio.sleep(0.1)

    dreams = await _journal_of(CHAT, len(BURST))
    await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await _all_settled(product, CHAT, mark)

    assert len(dreams) == 20, "every dream of the burst is in the journal"
    assert not [c for c in tg.calls("sendMessage") if "too fast" in c.params.get("text", "")]
    user = await User.get(telegram_id=CHAT)
    analysed = await Dream.filter(user_id=user.id, status=DreamStatus.ANALYZED).count()
    assert analysed >= 1


async def test_commands_beyond_the_limit_are_still_throttled(product: Product) -> None:
    tg = product.tg
    mark = tg.mark()
    for _ in range(12):
        tg.push_message(CHAT, "/help")
    await tg.wait_for(
        "sendMessage", lambda c: "too fast" in c.params.get("text", ""), timeout=30, after=mark
    )


async def test_the_free_analysis_is_spent_once_and_the_rest_wait_with_one_notice(
    product: Product,
) -> None:
    tg = product.tg
    mark = tg.mark()
    for text in BURST:
        tg.push_message(CHAT, text)
        await asyncio.sleep(0.1)
    await _journal_of(CHAT, len(BURST))
    await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await _all_settled(product, CHAT, mark)

    user = await User.get(telegram_id=CHAT)
    statuses = [d.status for d in await Dream.filter(user_id=user.id)]
    assert statuses.count(DreamStatus.ANALYZED) == 1, "exactly one analysis: the free one"
    assert statuses.count(DreamStatus.WAITING_FOR_CREDIT) == 19
    sent = [c for c in tg.calls()[mark:] if c.method == "sendMessage" and not is_result(c)]
    notices = [c for c in sent if "no analyses left" in c.params.get("text", "").lower()
               or "top up" in c.params.get("text", "").lower()]  # fmt: skip
    assert len(notices) == 1
