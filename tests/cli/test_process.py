"""The installed ``oneiroscope run`` as a real process: Sentry (sentry-sdk as a fresh install gets
it) receives errors without personal data, and one SIGTERM stops it with one log line."""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiohttp import web

from tests import services
from tests.fakes.telegram import FakeTelegramServer

CHAT = 4242
FIRST_NAME = "Zinaida"
LAST_NAME = "Orlovskaya"
USERNAME = "zina_dreams"
DREAM = (
    "I was flying over the Kvarkenskaya bridge with my cousin Alyosha and we were both laughing."
)
TOKEN = "918273645:AAHsecret-token-Qwerty_0123456789abcdef"
START_TIMEOUT = 90.0
STOP_TIMEOUT = 60.0  # a loaded shared host; a healthy stop takes seconds


class FakeSentry:
    """A Sentry ingestion endpoint on 127.0.0.1: keeps every envelope it is sent, decoded."""

    def __init__(self) -> None:
        self.envelopes: list[bytes] = []
        self.arrived = asyncio.Event()
        self.port = 0

    async def _envelope(self, request: web.Request) -> web.Response:
        body = await request.read()  # aiohttp undoes the gzip/br Content-Encoding
        self.envelopes.append(body)
        self.arrived.set()
        return web.json_response({"id": "0" * 32})

    @asynccontextmanager
    async def running(self) -> AsyncIterator[FakeSentry]:
        app = web.Application()
        app.router.add_post("/api/{project}/envelope/", self._envelope)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(runner.addresses[0][1])
        try:
            yield self
        finally:
            await runner.cleanup()

    def events(self) -> list[dict[str, object]]:
        """The error events among the envelopes' items (header line, then item pairs)."""
        found: list[dict[str, object]] = []
        for envelope in self.envelopes:
            lines = envelope.split(b"\n")
            for header, payload in zip(lines[1::2], lines[2::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


def oneiroscope_command() -> list[str]:
    script = Path(sys.executable).with_name("oneiroscope")
    if script.exists():
        return [str(script)]
    found = shutil.which("oneiroscope")
    if found is None:
        pytest.skip("the oneiroscope console script is not installed")
    return [found]


def product_env(tmp_path: Path, tg: FakeTelegramServer, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("OPENAI", "ANTHROPIC", "LLM_", "SENTRY", "REDIS", "BOT_"))
    }
    env.update(
        DATABASE_URL=f"sqlite://{tmp_path / 'oneiroscope.db'}",
        BOT_TOKEN=tg.token,
        TELEGRAM_API_URL=tg.base_url,
        WEB_PORT="0",
        LOG_FORMAT="json",
        **extra,
    )
    return env


@asynccontextmanager
async def product_process(
    env: dict[str, str], cwd: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    process = await asyncio.create_subprocess_exec(
        *oneiroscope_command(), "run", env=env, cwd=cwd, stderr=asyncio.subprocess.PIPE
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def wait_for_log(process: asyncio.subprocess.Process, needle: str, lines: list[str]) -> None:
    assert process.stderr is not None
    async with asyncio.timeout(START_TIMEOUT):
        while True:
            raw = await process.stderr.readline()
            if not raw:
                raise AssertionError(f"process ended before logging {needle!r}: {lines[-20:]}")
            lines.append(raw.decode(errors="replace"))
            if needle in lines[-1]:
                return


async def test_an_error_reaches_sentry_without_the_dream_the_name_or_the_token(
    tmp_path: Path,
) -> None:
    """Regression: with sentry-sdk 3.x, ``SENTRY_DSN`` crashed start-up (unknown options)."""
    async with FakeSentry().running() as sentry, FakeTelegramServer(TOKEN) as tg:
        dsn = f"http://publickey@127.0.0.1:{sentry.port}/1"
        env = product_env(tmp_path, tg, SENTRY_DSN=dsn)
        logged: list[str] = []
        async with product_process(env, tmp_path) as process:
            await wait_for_log(process, "web app listening", logged)
            await tg.wait_for_poll(timeout=START_TIMEOUT)
            # Telegram refuses the bot's answer to the dream: the handler fails mid-flight, with
            # the dream, the user and the bot (its token) in its frames.
            tg.fail_next("sendMessage", 400, "Bad Request: chat not found", times=5)
            tg.push_message(
                CHAT,
                DREAM,
                user={
                    "id": CHAT,
                    "is_bot": False,
                    "first_name": FIRST_NAME,
                    "last_name": LAST_NAME,
                    "username": USERNAME,
                    "language_code": "en",
                },
            )
            async with asyncio.timeout(30):
                while not sentry.events():
                    sentry.arrived.clear()
                    await sentry.arrived.wait()
            logged += await stop(process)

    assert_one_signal_line(logged)
    events = sentry.events()
    assert any(
        value.get("type") == "TelegramBadRequest"
        for event in events
        for value in event.get("exception", {}).get("values", [])  # type: ignore[union-attr]
    ), events
    everything = b"\n".join(sentry.envelopes).decode("utf-8", errors="replace")
    for secret in (
        "Kvarkenskaya",
        "Alyosha",
        FIRST_NAME,
        LAST_NAME,
        USERNAME,
        TOKEN,
        TOKEN.split(":")[1],
    ):
        assert secret not in everything, f"{secret!r} reached Sentry"


async def test_one_sigterm_is_logged_once_with_redis_too(tmp_path: Path) -> None:
    """Regression: with Redis, the in-process arq worker logged a second "shutdown on SIGUSR1".
    (The embedded deployment is checked by the Sentry test above.)"""
    extra = {"REDIS_URL": services.redis_url(), "REDIS_NAMESPACE": f"test-{secrets.token_hex(6)}"}
    async with FakeTelegramServer(TOKEN) as tg:
        logged: list[str] = []
        async with product_process(product_env(tmp_path, tg, **extra), tmp_path) as process:
            await wait_for_log(process, "web app listening", logged)
            logged += await stop(process)

    assert_one_signal_line(logged)


async def stop(process: asyncio.subprocess.Process) -> list[str]:
    """SIGTERM; the rest of the log once the process has exited (cleanly)."""
    process.send_signal(signal.SIGTERM)
    assert process.stderr is not None
    rest = await asyncio.wait_for(process.stderr.read(), STOP_TIMEOUT)
    code = await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
    lines = rest.decode(errors="replace").splitlines()
    assert code == 0, lines[-20:]
    return lines


def assert_one_signal_line(logged: list[str]) -> None:
    signals = [line for line in logged if re.search(r"\bSIG[A-Z0-9]+\b", line)]
    assert len(signals) == 1 and "SIGTERM" in signals[0], signals
