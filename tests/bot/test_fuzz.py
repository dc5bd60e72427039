"""A bounded fuzz run through the real entry point (webhook mode): 5 000 seeded random updates and
2 000 random HTTP requests. Passes with no 5xx, no ERROR log line (an unhandled exception, a
handler's failure, a task whose exception nobody read) and no dream left in a transient status.

Regressions: 158 handler exceptions in 2 000 fuzzed updates (bot senders, a NUL byte in a name,
forged callback data); malformed webhook bodies answered 500; bad HTTP methods logged tracebacks.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import string
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession, ClientTimeout

from bot.webhook import SECRET_HEADER
from core.db.models import Dream, DreamStatus
from core.jobs import InProcessJobQueue
from tests.bot.harness import Product, running_product
from tests.fakes.telegram_updates import tg_user

SEED = 20261207
UPDATES = 5_000
HTTP_REQUESTS = 2_000
CONCURRENCY = 8
SECRET = "fuzz-secret"
#: A job still owes these an outcome; every other status is final or waits for the user.
IN_FLIGHT = (DreamStatus.QUEUED, DreamStatus.ANALYZING)
COMMANDS = ("start", "help", "journal", "settings", "lunar", "calendar", "nope", "start@x")
CALLBACK_PREFIXES = ("lcal", "dream", "journal", "lang", "set", "sex", "draft", "zzz", "")
DREAMS = (
    "I was walking through an old house with my sister and we found a hidden garden.",
    "Мне снилось, что я плыву по тёмной реке, а на берегу стоит мой старый дом.",
    "A dog chased me across a frozen lake and I felt afraid, then I flew over the town.",
)


def _junk(rng: random.Random, limit: int = 80) -> str:
    alphabet = string.printable + "ёжЖ😴🌙\x00\x07\u202e\ufeff"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, limit)))


def _number(rng: random.Random) -> str:
    return str(rng.choice([0, -1, 1, 13, 2025, 99999, 2**63, -(2**64), 10**30]))


def _callback_data(rng: random.Random) -> str:
    prefix = rng.choice(CALLBACK_PREFIXES)
    parts = [rng.choice([_number(rng), _junk(rng, 12), "delete_confirm", "en", "xx"])
             for _ in range(rng.randint(0, 3))]  # fmt: skip
    return ":".join([prefix, *parts])[:64]


def _user(rng: random.Random, chat: int) -> dict[str, Any]:
    user = tg_user(chat, _junk(rng, 20) or "x", language_code=rng.choice(["en", "ru", "xx", None]))
    user["is_bot"] = rng.random() < 0.05
    return user


def _raw_update(rng: random.Random) -> dict[str, Any]:
    """Updates aiogram cannot read, or that carry what no handler expects."""
    return rng.choice(
        [
            {"update_id": rng.randint(1, 10**9), "message": {"chat": "not-a-chat"}},
            {"update_id": -5},
            {"update_id": rng.randint(1, 10**9), "edited_message": {"date": 0}},
            {"update_id": rng.randint(1, 10**9), "unknown_kind": {"x": 1}},
            {"update_id": rng.randint(1, 10**9)},
        ]
    )


class UpdateFuzzer:
    """Seeded user behaviour: texts, commands, dreams, stickers, places, button presses, junk."""

    def __init__(self, product: Product, rng: random.Random) -> None:
        self.tg, self.rng = product.tg, rng
        self.kinds: Counter[str] = Counter()

    def next_update(self) -> dict[str, Any]:
        rng, tg = self.rng, self.tg
        chat = rng.randint(1, 300)
        user = _user(rng, chat)
        actions: dict[str, Callable[[], dict[str, Any]]] = {
            "text": lambda: tg.push_message(chat, _junk(rng, 300) or ".", user=user),
            "command": lambda: tg.push_command(
                chat, rng.choice(COMMANDS), _junk(rng, 20) or None, user=user
            ),
            "dream": lambda: tg.push_message(chat, rng.choice(DREAMS), user=user),
            "sticker": lambda: tg.push_sticker(chat, user=user),
            "location": lambda: tg.push_location(
                chat, rng.uniform(-100, 100), rng.uniform(-200, 200), user=user
            ),
            "callback": lambda: tg.push_callback(
                chat, rng.randint(1, 5), _callback_data(rng), user=user
            ),
            "group": lambda: tg.push_message(-chat, _junk(rng), user=user),
            "raw": lambda: _raw_update(rng),
        }
        weights = {"text": 25, "command": 20, "dream": 3, "sticker": 5, "location": 5,
                   "callback": 30, "group": 7, "raw": 5}  # fmt: skip
        kind = rng.choices(list(weights), weights=list(weights.values()))[0]
        self.kinds[kind] += 1
        return actions[kind]()


def _http_request(rng: random.Random, base: str) -> tuple[str, str, bytes, dict[str, str]]:
    paths = ["/", "/healthz", "/readyz", "/metrics", "/api/v1/dreams", "/api/v1/x",
             "/static/app.js", "/static/../../etc/passwd", "/telegram/webhook", "/%00", "/a" * 50,
             f"/{_junk(rng, 30)}"]  # fmt: skip
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"]
    bodies = [b"", b"{}", b"[" * 5000, b"not json", json.dumps({"a": [1] * 100}).encode(),
              bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300))),
              b"update_id=1&message=x"]  # fmt: skip
    headers = {"Content-Type": rng.choice(["application/json", "text/plain", "multipart/form-data",
                                           "application/x-www-form-urlencoded", "x/y"])}  # fmt: skip
    if rng.random() < 0.5:
        headers[SECRET_HEADER] = rng.choice(
            [SECRET, "", "wrong", "".join(rng.choices(string.ascii_letters, k=9))]
        )
    path = rng.choice(paths).replace(" ", "%20").replace("#", "%23").replace("?", "%3F")
    return rng.choice(methods), base + path, rng.choice(bodies), headers


def _described(record: logging.LogRecord) -> str:
    trace = "".join(traceback.format_exception(*record.exc_info)) if record.exc_info else ""
    return f"{record.name}: {record.getMessage()}\n{trace[-1500:]}"


@pytest.fixture
async def webhook_product(tmp_path: Path) -> Any:
    async with running_product(
        tmp_path,
        PUBLIC_URL="https://oneiroscope.example",
        WEBHOOK_SECRET=SECRET,
        THROTTLE_RATE=1000,
        THROTTLE_BURST=1000,
    ) as product:
        yield product


async def test_fuzzed_updates_and_requests_leave_no_error(
    webhook_product: Product, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    rng = random.Random(SEED)
    product = webhook_product
    base = str(product.runtime.site_url)
    endpoint = f"{base}/telegram/webhook"
    fuzzer = UpdateFuzzer(product, rng)
    statuses: Counter[int] = Counter()
    updates = [fuzzer.next_update() for _ in range(UPDATES)]
    requests = [_http_request(rng, base) for _ in range(HTTP_REQUESTS)]
    gate = asyncio.Semaphore(CONCURRENCY)

    async with ClientSession(timeout=ClientTimeout(total=120)) as http:

        async def deliver(update: dict[str, Any]) -> None:
            product.tg.world.updates.discard(update)  # delivered by webhook, not getUpdates
            async with gate, http.post(endpoint, json=update, headers={SECRET_HEADER: SECRET}) as r:
                statuses[r.status] += 1

        async def request(method: str, url: str, body: bytes, headers: dict[str, str]) -> None:
            async with gate, http.request(method, url, data=body, headers=headers) as r:
                await r.read()
                statuses[r.status] += 1

        await asyncio.gather(*(deliver(u) for u in updates))
        await asyncio.gather(*(request(*r) for r in requests))

    jobs = product.runtime.services.jobs
    assert isinstance(jobs, InProcessJobQueue)
    await asyncio.wait_for(jobs.drain(), timeout=300)

    assert not [s for s in statuses if s >= 500], statuses
    assert statuses[200] > UPDATES // 2, statuses
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], "\n".join(_described(r) for r in errors[:5])
    stuck = await Dream.filter(status__in=IN_FLIGHT).values_list("status", flat=True)
    assert stuck == [], "dreams left in a transient status"
    assert await Dream.all().count() > 0, fuzzer.kinds
