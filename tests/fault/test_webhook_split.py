"""Webhook mode split over real processes: ``web`` receives Telegram's updates and feeds the
dispatcher, ``bot`` only registers the webhook (with a secret), ``worker`` analyses.

Regressions: ``bot`` neither polled nor set the webhook and ``web`` answered 404 on
``/telegram/webhook`` (only ``run`` worked); with ``PUBLIC_URL`` set and no ``WEBHOOK_SECRET``,
one anonymous POST of a ``callback_query`` deleted an account.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from bot.webhook import WEBHOOK_PATH
from tests.fault.conftest import running_deployment
from tests.fault.deployment import DREAMS, Deployment, Sent
from tests.fault.servers import OwnPostgres, OwnRedis

pytestmark = pytest.mark.asyncio(loop_scope="module")
PUBLIC_URL = "https://dreams.example.org"
CHAT = 71_000


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def deployment(
    servers: tuple[OwnRedis, OwnPostgres], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Deployment]:
    # No WEBHOOK_SECRET: every process derives the same one from the bot token.
    workdir = tmp_path_factory.mktemp("webhook-split")
    async with running_deployment(
        servers, workdir, ("web", "bot", "worker"), PUBLIC_URL=PUBLIC_URL
    ) as deployment:
        yield deployment


def _webhook(deployment: Deployment) -> str:
    return f"{deployment.probes['web']}{WEBHOOK_PATH}"


async def _count(deployment: Deployment, query: str, *args: object) -> int:
    rows = await deployment.rows(query, *args)
    return int(rows[0][0])


async def test_the_bot_process_registers_the_webhook_with_a_secret_and_never_polls(
    deployment: Deployment,
) -> None:
    tg = deployment.tg
    calls = tg.calls("setWebhook")
    assert len(calls) == 1, "only the bot process registers the webhook"
    assert calls[0].params["url"] == f"{PUBLIC_URL}{WEBHOOK_PATH}"
    secret = str(calls[0].params.get("secret_token") or "")
    assert len(secret) >= 32
    assert not tg.calls("getUpdates")
    for name in ("web", "bot", "worker"):
        assert secret not in deployment.processes[name].log(), f"{name} logged the secret"


async def test_a_dream_posted_to_the_web_process_is_analysed_by_the_worker(
    deployment: Deployment,
) -> None:
    tg = deployment.tg
    update = tg.push_message(CHAT, f"{DREAMS[1]} The ice sang under my feet.")
    reply = await tg.deliver_webhook(_webhook(deployment), update)
    assert reply.status == 200
    deployment.sent.append(Sent(CHAT, int(update["message"]["message_id"])))

    await deployment.settled()

    statuses = await deployment.rows(
        "SELECT status FROM dreams WHERE origin_key = $1", deployment.sent[-1].origin
    )
    assert [row["status"] for row in statuses] == ["analyzed"]


async def test_forged_or_missing_secrets_are_refused_and_change_nothing(
    deployment: Deployment,
) -> None:
    tg = deployment.tg
    users_before = await _count(deployment, "SELECT count(*) FROM users")
    dreams_before = await _count(deployment, "SELECT count(*) FROM dreams")
    calls_before = len(tg.calls())
    victim = deployment.sent[0].chat_id if deployment.sent else CHAT
    forged = [
        tg.push_callback(victim, 1, "set:delete_confirm"),
        tg.push_message(victim + 1, f"{DREAMS[2]} A forged dream."),
    ]
    for update in forged:
        for secret in ("", "not-the-secret", "x" * 64):
            reply = await tg.deliver_webhook(_webhook(deployment), update, secret_token=secret)
            assert reply.status == 401, (secret, reply)

    assert await _count(deployment, "SELECT count(*) FROM users") == users_before
    assert await _count(deployment, "SELECT count(*) FROM dreams") == dreams_before
    assert len(tg.calls()) == calls_before, "the bot made a call for a forged update"
