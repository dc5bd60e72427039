"""A production-shaped deployment for fault tests, and the invariants checked after each fault.

Processes of the product (``run``, ``bot``, ``worker``) on a Redis and a PostgreSQL of the
suite's own, talking to a fake Bot API server (and a fake LLM) in the test process. After each
fault the suite checks what a user and the database would see:

* every dream sent is stored (or its sender was told it was not);
* every stored dream is analysed or waits in an explicit status for the user;
* every analysis reached its user exactly once; charges equal analyses;
* every "analysing…" status message was resolved.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from tests.fakes.telegram import FakeTelegramServer
from tests.fault.processes import (
    ProductProcess,
    healthcheck,
    readiness,
    start_process,
    wait_http_ok,
)
from tests.fault.servers import OwnPostgres, OwnRedis, free_port

SETTLE_TIMEOUT = 240.0
#: What the bot's status message says while a dream is on its way (resolved = anything else).
PROGRESS_TEXTS = frozenset(
    {
        "🌙 Dream received. Analysing…",
        "🔎 Reading your dream: characters, emotions, settings…",
        "🌒 Looking at the moon of that night and your past dreams…",
        "✍️ Writing your interpretation…",
    }
)
NOT_SAVED = "could not save what you sent"
WAITING = frozenset({"analyzed", "waiting_for_credit", "awaiting_confirmation"})
DREAMS = (
    "I was walking through an old house with my sister and we found a hidden garden.",
    "A large dog chased me across a frozen lake and I felt afraid but then I flew away.",
    "My teacher gave me an exam in a language I did not know, and the room kept shrinking.",
    "We were sailing on a calm sea at night and the moon was enormous and orange.",
    "I lost my keys in a crowded market and a stranger helped me search for them.",
)
_chats = itertools.count(50_000)


@dataclass(frozen=True)
class Sent:
    chat_id: int
    message_id: int

    @property
    def origin(self) -> str:
        return f"tg:{self.chat_id}:{self.message_id}"


@dataclass
class Deployment:
    tg: FakeTelegramServer
    redis: OwnRedis
    pg: OwnPostgres
    workdir: Path
    env: dict[str, str]
    processes: dict[str, ProductProcess] = field(default_factory=dict)
    probes: dict[str, str] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    #: Dreams sent while the database was down: their senders must hear they were not saved.
    refused: list[Sent] = field(default_factory=list)

    async def start(self, command: str, name: str | None = None) -> ProductProcess:
        """Start ``oneiroscope <command>`` and wait until its probe answers."""
        name = name or command
        port = free_port()
        env = dict(self.env)
        env["HEALTH_PORT" if command in ("worker", "bot") else "WEB_PORT"] = str(port)
        process = await start_process(command, env, self.workdir / name)
        self.processes[name] = process
        self.probes[name] = f"http://127.0.0.1:{port}"
        await wait_http_ok(f"{self.probes[name]}/healthz", process)
        return process

    async def container_healthy(self, name: str) -> bool:
        """What the Dockerfile's HEALTHCHECK says of the container running process ``name``."""
        port = self.probes[name].rsplit(":", 1)[1]
        env = {**self.env, "HEALTH_PORT": port, "WEB_PORT": str(free_port())}
        return await healthcheck(env, self.workdir) == 0

    async def ready(self, name: str) -> dict[str, object]:
        return await readiness(f"{self.probes[name]}/readyz")

    def send_dream(self, text: str | None = None) -> Sent:
        chat = next(_chats)
        # Each text its own (an identical dream would be answered from the LLM cache).
        text = text or f"{DREAMS[chat % len(DREAMS)]} There were {chat} stars above me."
        update = self.tg.push_message(chat, text)
        sent = Sent(chat, int(update["message"]["message_id"]))
        self.sent.append(sent)
        return sent

    async def db(self) -> asyncpg.Connection:
        return await asyncpg.connect(self.pg.url, timeout=10)

    async def rows(self, query: str, *args: Any) -> list[asyncpg.Record]:
        conn = await self.db()
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()

    async def jobs_reached_llm(self, llm: Any, count: int, timeout: float = 120.0) -> None:  # noqa: ASYNC109
        """Until the fake LLM has been asked ``count`` times (the jobs are mid-analysis)."""
        async with asyncio.timeout(timeout):
            while len(llm.requests_to("chat")) < count:  # noqa: ASYNC110 - another process
                await asyncio.sleep(0.1)

    async def settled(self, timeout: float = SETTLE_TIMEOUT) -> None:  # noqa: ASYNC109
        """Until every sent dream is stored and in an analysed or waiting status, and each
        analysed one delivered; then the invariants."""
        try:
            async with asyncio.timeout(timeout):
                while not await self._quiet():  # noqa: ASYNC110 - state of other processes
                    await asyncio.sleep(0.5)
        except TimeoutError:
            raise AssertionError(f"not settled in {timeout} s:\n{await self.report()}") from None
        await self.check_invariants()

    async def _quiet(self) -> bool:
        try:
            dreams = await self._dreams()
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return False
        origins = {row["origin_key"] for row in dreams}
        if any(sent.origin not in origins for sent in self.sent):
            return False
        if any(row["status"] not in WAITING for row in dreams):
            return False
        delivered = self._deliveries()
        return all(delivered[str(row["id"])] >= 1 for row in dreams if row["status"] == "analyzed")

    async def _dreams(self) -> list[asyncpg.Record]:
        origins = [sent.origin for sent in self.sent + self.refused]
        return await self.rows(
            "SELECT id, origin_key, status, status_message_id FROM dreams "
            "WHERE origin_key = ANY($1::text[])",
            origins,
        )

    def _deliveries(self) -> Counter[str]:
        """Analysis messages sent per dream id (their buttons carry the dream's id)."""
        counts: Counter[str] = Counter()
        for call in self.tg.calls("sendMessage"):
            markup = call.params.get("reply_markup") or {}
            ids = {
                str(button.get("callback_data", "")).rsplit(":", 1)[-1]
                for row in markup.get("inline_keyboard", [])
                for button in row
            }
            for dream_id in ids:
                counts[dream_id] += 1
        return counts

    async def check_invariants(self) -> None:
        dreams = await self._dreams()
        by_origin = {row["origin_key"]: row for row in dreams}
        for sent in self.sent:
            assert sent.origin in by_origin, f"dream {sent} was sent but not stored"
        for sent in self.refused:
            texts = self.tg.sent_messages(sent.chat_id)
            if sent.origin not in by_origin:
                assert any(NOT_SAVED in text for text in texts), (sent, texts)
        delivered = self._deliveries()
        analysed = [row for row in dreams if row["status"] == "analyzed"]
        for row in dreams:
            assert row["status"] in WAITING, f"dream {row['id']} stuck in {row['status']}"
        for row in analysed:
            assert delivered[str(row["id"])] == 1, (
                f"dream {row['id']} delivered {delivered[str(row['id'])]}x"
            )
        charges = await self.rows(
            "SELECT idempotency_key FROM transactions WHERE kind = 'consume' "
            "AND idempotency_key = ANY($1::text[])",
            [f"consume:{row['id']}" for row in dreams],
        )
        assert len(charges) == len(analysed), f"{len(charges)} charges for {len(analysed)} analyses"
        for row in dreams:
            chat = int(str(row["origin_key"]).split(":")[1])
            if row["status_message_id"] is None:
                continue
            message = self.tg.world.chats.get(chat, int(row["status_message_id"]))
            assert message is not None and message.get("text") not in PROGRESS_TEXTS, (
                f"status message of dream {row['id']} left at {message and message.get('text')!r}"
            )

    async def report(self) -> str:
        lines = []
        try:
            for row in await self._dreams():
                lines.append(f"{row['origin_key']} {row['status']}")
        except (OSError, asyncpg.PostgresError) as exc:
            lines.append(f"database: {exc!r}")
        for name, process in self.processes.items():
            tail = "\n".join(process.log().splitlines()[-15:])
            lines.append(f"--- {name} (running={process.running}) ---\n{tail}")
        return "\n".join(lines)

    async def logged(self, name: str, text: str, timeout: float = 60.0) -> None:  # noqa: ASYNC109
        """Until process ``name`` has logged a line containing ``text``."""
        async with asyncio.timeout(timeout):
            while not any(text in str(r.get("msg")) for r in self.log_lines(name)):  # noqa: ASYNC110
                await asyncio.sleep(0.2)

    def log_lines(self, name: str) -> list[dict[str, Any]]:
        """The JSON log records of a process (non-JSON lines, e.g. a traceback, as messages)."""
        records = []
        for line in self.processes[name].log().splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                records.append({"level": "raw", "msg": line})
        return records
