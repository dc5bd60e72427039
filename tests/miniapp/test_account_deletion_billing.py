"""Deleting the account from the web does what the bot's /delete_me does for billing: the
Stars subscription stops renewing (through the Bot API, a fake server here), the ledger stays
unlinked with the free-dream marker — and the LLM interpretation cache entries of the user's
dreams are erased (each analysis recorded its key), on PostgreSQL and Redis."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from core.billing.catalogue import load_catalogue
from core.billing.stars import StarsPayment, credit_payment, plan_invoice
from core.db.models import DreamAnalysis, FreeDreamClaim, Subscription, Transaction, User
from tests import services
from tests.dbutil import initialised_db
from tests.fakes.telegram import FakeTelegramServer
from tests.miniapp.harness import Web, analysed_dream, web_app
from tests.miniapp.signing import BOT_TOKEN

VICTIM, BYSTANDER = 918_273_655, 918_273_656
CHARGE = "stxWebDeleteSub1"
CATALOGUE = load_catalogue(None)
MINE, THEIRS = "llm_cache:" + "a" * 64 + ":en", "llm_cache:" + "b" * 64 + ":en"


@dataclass
class Deployment:
    tg: FakeTelegramServer
    web: Web


@pytest.fixture
async def deployment() -> AsyncIterator[Deployment]:
    async with (
        FakeTelegramServer(BOT_TOKEN) as tg,
        initialised_db("postgres") as url,
        web_app(url, services.redis_url(), TELEGRAM_API_URL=tg.base_url) as web,
    ):
        yield Deployment(tg, web)


async def _subscriber(tg: FakeTelegramServer) -> User:
    user = await User.create(
        telegram_id=VICTIM, first_name="Vera", dream_balance=1, free_dream_used=True
    )
    payment = StarsPayment(
        payload=plan_invoice(CATALOGUE, "monthly", user).payload,
        currency="XTR",
        total_amount=450,
        charge_id=CHARGE,
        subscription_expiration_date=int(time.time()) + 30 * 86400,
        is_recurring=True,
        is_first_recurring=True,
    )
    await credit_payment(CATALOGUE, user, payment)
    tg.world.payments.charges[CHARGE] = VICTIM
    return user


async def _answer_cached_under(user: User, text: str, key: str, web: Web) -> None:
    dream = await analysed_dream(await User.get(id=user.id), text)
    await DreamAnalysis.filter(dream_id=dream.id).update(llm_cache_key=key)
    await web.services.cache.set(key, '{"summary": "[PERSON_1] by the sea"}', 3600)


async def test_web_deletion_stops_the_renewal_and_erases_the_cached_answers(
    deployment: Deployment,
) -> None:
    tg, web = deployment.tg, deployment.web
    victim = await _subscriber(tg)
    bystander = await User.create(telegram_id=BYSTANDER, first_name="Boris", dream_balance=1)
    await _answer_cached_under(victim, "I swam in dark water near my old school.", MINE, web)
    await _answer_cached_under(bystander, "A stranger chased me through a forest.", THEIRS, web)

    status, body = await web.call("DELETE", "/api/v1/me", VICTIM, json={"confirm": True})

    assert (status, body) == (200, {"deleted": True})
    [call] = tg.calls("editUserStarSubscription")
    assert call.params == {
        "user_id": VICTIM,
        "telegram_payment_charge_id": CHARGE,
        "is_canceled": True,
    }
    assert await web.services.cache.get(MINE) is None
    assert await web.services.cache.get(THEIRS) is not None  # someone else's answer stays
    assert not await User.exists(id=victim.id) and await Subscription.all().count() == 0
    ledger = await Transaction.get(idempotency_key=f"stars:{CHARGE}")
    assert ledger.user_id is None  # type: ignore[attr-defined]
    assert await FreeDreamClaim.all().count() == 1  # the free dream was used: not given twice


async def test_web_deletion_goes_ahead_when_telegram_refuses_the_cancellation(
    deployment: Deployment,
) -> None:
    tg, web = deployment.tg, deployment.web
    await _subscriber(tg)
    tg.fail_next("editUserStarSubscription", 400, "Bad Request: SUBSCRIPTION_NOT_FOUND")

    status, _ = await web.call("DELETE", "/api/v1/me", VICTIM, json={"confirm": True})

    assert status == 200
    assert not await User.exists(telegram_id=VICTIM)
