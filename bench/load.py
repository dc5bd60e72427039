"""Mixed load on a running product, from a second process: ``python bench/load.py``.

Starts ``oneiroscope run`` (webhook mode) as its own process against a fake Bot API server held
here, then for ``--seconds`` (60) keeps ``--users`` (16) virtual users busy: Telegram updates
through the webhook (commands, chatter, button presses, and dreams whose analysis is awaited
until it reaches the fake Bot API) and plain HTTP requests (/healthz, /readyz, /metrics, /).
Prints throughput, p50/p95/p99 per kind, errors (5xx, transport errors, timeouts) and the
product's CPU time per request.

``--redis URL`` and ``--database URL`` run it on Redis + arq and PostgreSQL (default: the
embedded SQLite, in-process jobs). The host is shared: compare runs made in one sitting, by CPU
per request more than by wall-clock latency.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._bench_common import BUILT_IN, host_speed_ms, percentile
from tests.fakes.telegram import FakeTelegramServer
from tests.fault.processes import base_env, start_process, wait_http_ok
from tests.fault.servers import free_port

SECRET = "load-secret"
HEADER = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
DREAM_TIMEOUT_S = 120.0
HTTP_PATHS = ("/healthz", "/readyz", "/metrics", "/")
COMMANDS = ("start", "help", "journal", "settings")


class Recorder:
    def __init__(self) -> None:
        self.latency: defaultdict[str, list[float]] = defaultdict(list)
        self.errors: defaultdict[str, int] = defaultdict(int)

    async def timed(self, kind: str, call: Callable[[], Awaitable[int]]) -> None:
        started = time.perf_counter()
        try:
            status = await call()
        except (ClientError, TimeoutError, OSError):
            self.errors[kind] += 1
            return
        self.latency[kind].append((time.perf_counter() - started) * 1000)
        if status >= 500:
            self.errors[kind] += 1


class VirtualUser:
    def __init__(self, index: int, tg: FakeTelegramServer, http: ClientSession, base: str) -> None:
        self.chat = 70_000 + index
        self.tg, self.http, self.base = tg, http, base
        self.rng = random.Random(index)
        self.dreams = 0

    async def post_update(self, update: dict[str, Any]) -> int:
        self.tg.world.updates.discard(update)
        url = f"{self.base}/telegram/webhook"
        async with self.http.post(url, json=update, headers=HEADER) as response:
            await response.read()
            return response.status

    async def get(self, path: str) -> int:
        async with self.http.get(self.base + path) as response:
            await response.read()
            return response.status

    async def dream(self) -> int:
        """A dream of a new dreamer (the first analysis is free), timed until the analysis
        reaches them."""
        self.dreams += 1
        chat = 1_000_000 + self.chat * 1000 + self.dreams
        text = f"{BUILT_IN[self.dreams % len(BUILT_IN)]} Night {chat}."
        mark = self.tg.mark()
        status = await self.post_update(self.tg.push_message(chat, text))

        def analysis(call: Any) -> bool:
            return call.params.get("chat_id") == chat and "reply_markup" in call.params

        await self.tg.wait_for("sendMessage", analysis, after=mark, timeout=DREAM_TIMEOUT_S)
        return status

    async def step(self, recorder: Recorder) -> None:
        roll = self.rng.random()
        if roll < 0.08:
            await recorder.timed("dream (until analysed)", self.dream)
        elif roll < 0.35:
            command = self.rng.choice(COMMANDS)
            update = self.tg.push_command(self.chat, command)
            await recorder.timed("command", lambda: self.post_update(update))
        elif roll < 0.50:
            update = self.tg.push_callback(self.chat, 1, f"journal:{self.rng.randint(0, 3)}")
            await recorder.timed("button press", lambda: self.post_update(update))
        elif roll < 0.60:
            update = self.tg.push_message(self.chat, "hi")
            await recorder.timed("short text", lambda: self.post_update(update))
        else:
            path = self.rng.choice(HTTP_PATHS)
            await recorder.timed(f"GET {path}", lambda: self.get(path))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (Linux /proc), 0.0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="oneiroscope-load-"))
    port = free_port()
    async with FakeTelegramServer() as tg:
        env = base_env(
            DATABASE_URL=args.database or f"sqlite://{workdir / 'load.db'}",
            REDIS_URL=args.redis,
            BOT_TOKEN=tg.token,
            TELEGRAM_API_URL=tg.base_url,
            PUBLIC_URL="https://oneiroscope.example",
            WEBHOOK_SECRET=SECRET,
            WEB_HOST="127.0.0.1",
            WEB_PORT=str(port),
            THROTTLE_RATE="1000",
            THROTTLE_BURST="1000",
            LOG_LEVEL="WARNING",
        )
        product = await start_process("run", env, workdir)
        base = f"http://127.0.0.1:{port}"
        try:
            await wait_http_ok(f"{base}/healthz", product)
            await _warm_up(tg, base)
            await _load(args, tg, base, product.pid)
        finally:
            await product.stop()
    print(f"\nproduct log: {product.log_path}")


async def _warm_up(tg: FakeTelegramServer, base: str) -> None:
    """One dream analysed end to end before the clock starts: start-up work (lexicons, city
    index, first connections) is not what this measures."""
    async with ClientSession(timeout=ClientTimeout(total=DREAM_TIMEOUT_S)) as http:
        await VirtualUser(999, tg, http, base).dream()


async def _load(args: argparse.Namespace, tg: FakeTelegramServer, base: str, pid: int) -> None:
    recorder = Recorder()
    speed_before = host_speed_ms()
    cpu_before = _cpu_seconds(pid)
    deadline = time.perf_counter() + args.seconds
    async with ClientSession(timeout=ClientTimeout(total=DREAM_TIMEOUT_S)) as http:
        users = [VirtualUser(i, tg, http, base) for i in range(args.users)]

        async def drive(user: VirtualUser) -> None:
            while time.perf_counter() < deadline:
                try:
                    await user.step(recorder)
                except TimeoutError:
                    recorder.errors["dream (until analysed)"] += 1

        started = time.perf_counter()
        await asyncio.gather(*(drive(user) for user in users))
        wall = time.perf_counter() - started
    cpu = _cpu_seconds(pid) - cpu_before
    _report(recorder, wall, cpu, args, speed_before, host_speed_ms())


def _report(
    recorder: Recorder, wall: float, cpu: float, args: argparse.Namespace, s0: float, s1: float
) -> None:
    total = sum(len(v) for v in recorder.latency.values())
    errors = sum(recorder.errors.values())
    print(
        f"\nmixed load: {args.users} users for {wall:.1f} s ({'redis' if args.redis else 'embedded'})"
    )
    print(f"  throughput {total / wall:.1f} req/s, {total} requests, {errors} errors")
    print(f"  product CPU {cpu:.1f} s = {cpu / max(total, 1) * 1000:.2f} ms per request")
    print(f"  host speed yardstick {s0:.1f} -> {s1:.1f} ms (shared host: compare within a sitting)")
    header = f"  {'what':<26}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'errors':>8}"
    print(header)
    for kind in sorted(recorder.latency.keys() | recorder.errors.keys()):
        values = recorder.latency.get(kind, [])
        cells = [percentile(values, q) for q in (0.5, 0.95, 0.99)]
        print(
            f"  {kind:<26}{len(values):>7}"
            + "".join(f"{cell:>10.1f}" for cell in cells)
            + f"{recorder.errors.get(kind, 0):>8}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--redis", default=None, help="REDIS_URL (a database of its own)")
    parser.add_argument("--database", default=None, help="DATABASE_URL (default: SQLite)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
