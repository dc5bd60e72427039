"""Web API throughput: ``GET /api/v1/lunar/today`` and the journal list against a bare aiohttp
handler returning the same bytes, measured in the same run.

Each server runs in its own process, the load generator in another (bounded: fixed concurrency
for a fixed time). Printed per endpoint: requests/s and p95 of the product and of the bare
baseline, their ratio, and the server's CPU per request (process CPU, not wall: the host is
shared, so compare ratios from one run, not absolute figures across runs).

Rows: the product as deployed (its web caches warm: the Mini App re-reads the same journal page
as a user goes back and forth), and the product with those caches off (``uncached``: every
request reads the account and builds the page, as the first request after a change does).
Product and bare alternate ``--rounds`` times; the medians are printed.

``--redis URL`` runs the product as a multi-process deployment's web process does: its journal
pages are dropped by messages on Redis (``core.dreams.journal_feed_redis``) instead of by the
embedded deployment's in-process feed.

Run: ``.venv/bin/python bench/web_api.py [--seconds 4] [--rounds 3] [--postgres] [--redis URL]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._cpu import TICKS
from bench._web_seed import drop_database, seed_database
from tests.miniapp.signing import init_data

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = ("/api/v1/lunar/today", "/api/v1/dreams")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _start(stack: ExitStack, *args: str) -> tuple[subprocess.Popen[str], int]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench._web_server", *args, str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    stack.callback(process.kill)
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError(f"the {args[0]} server did not start")
    return process, port


def _load(
    url: str, seconds: float, concurrency: int, header: tuple[str, str] | None
) -> dict[str, float]:
    command = [sys.executable, "-m", "bench._web_load", url, str(seconds), str(concurrency)]
    if header:
        command += list(header)
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(output))


def _measure(
    process: subprocess.Popen[str],
    url: str,
    args: argparse.Namespace,
    header: tuple[str, str] | None,
) -> dict[str, float]:
    before = _cpu_ticks(process.pid)
    result = _load(url, args.seconds, args.concurrency, header)
    spent = (_cpu_ticks(process.pid) - before) / TICKS
    result["cpu_us"] = 1e6 * spent / max(result["requests"], 1)
    return result


#: (label, server kind, path): the product as deployed, then with its web caches off.
ROWS = (
    ("lunar/today", "product", ENDPOINTS[0]),
    ("journal page", "product", ENDPOINTS[1]),
    ("lunar/today, uncached", "uncached", ENDPOINTS[0]),
    ("journal page, uncached", "uncached", ENDPOINTS[1]),
)


def _save_bodies(folder: Path, port: int, header: tuple[str, str]) -> Path:
    bodies = folder / "bodies"
    bodies.mkdir()
    for path in ENDPOINTS:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=dict([header]))
        with urllib.request.urlopen(request) as response:
            (bodies / f"{path.strip('/').replace('/', '__')}.json").write_bytes(response.read())
    return bodies


def _row(
    label: str,
    servers: dict[str, tuple[subprocess.Popen[str], int]],
    kind: str,
    path: str,
    args: argparse.Namespace,
    header: tuple[str, str],
) -> str:
    """Product and bare alternate, ``--rounds`` times; medians of each figure."""
    mine: list[dict[str, float]] = []
    base: list[dict[str, float]] = []
    for _ in range(args.rounds):
        process, port = servers[kind]
        mine.append(_measure(process, f"http://127.0.0.1:{port}{path}", args, header))
        process, port = servers["bare"]
        base.append(_measure(process, f"http://127.0.0.1:{port}{path}", args, None))
    assert not any(r["failed"] for r in mine + base), (mine, base)
    ratios = [m["rps"] / b["rps"] for m, b in zip(mine, base, strict=True)]

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median([r[key] for r in rows])

    return (
        f"{label:24} {med(mine, 'rps'):12.0f} {med(base, 'rps'):10.0f} {statistics.median(ratios):6.2f} "
        f"{med(mine, 'p95_ms'):7.1f} {med(base, 'p95_ms'):9.1f} "
        f"{med(mine, 'cpu_us'):11.0f} {med(base, 'cpu_us'):9.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3, help="alternations; medians are shown")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--dreams", type=int, default=60)
    parser.add_argument("--postgres", action="store_true", help="seed a PostgreSQL database")
    parser.add_argument("--redis", metavar="URL", help="serve with Redis (a test database index)")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="oneiroscope-web-bench-") as folder,
        ExitStack() as stack,
    ):
        database_url, telegram_id = asyncio.run(
            seed_database(Path(folder), args.dreams, args.postgres)
        )
        stack.callback(lambda: asyncio.run(drop_database(database_url)))
        header = ("Authorization", f"tma {init_data(telegram_id)}")
        where = f"{database_url},{args.redis}" if args.redis else database_url
        servers = {kind: _start(stack, kind, where) for kind in ("product", "uncached")}
        bodies = _save_bodies(Path(folder), servers["product"][1], header)
        servers["bare"] = _start(stack, "bare", str(bodies))
        database = "PostgreSQL" if args.postgres else "SQLite"
        database += " + Redis" if args.redis else ", embedded"
        print(
            f"{database}, {args.dreams} dreams in the journal, {args.concurrency} connections, "
            f"{args.seconds:g} s x {args.rounds} rounds; load average {os.getloadavg()[0]:.1f}"
        )
        print(
            f"{'endpoint':24} {'product r/s':>12} {'bare r/s':>10} {'ratio':>6} {'p95 ms':>7} "
            f"{'bare p95':>9} {'CPU µs/req':>11} {'bare CPU':>9}"
        )
        for label, kind, path in ROWS:
            print(_row(label, servers, kind, path, args, header), flush=True)
        print(
            f"load average {os.getloadavg()[0]:.1f}. Shared host: figures move with other load; "
            "compare the ratio and the CPU per request, measured in one run."
        )


if __name__ == "__main__":
    main()
