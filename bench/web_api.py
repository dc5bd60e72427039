"""Web API throughput: ``GET /api/v1/lunar/today`` and the journal list against a bare aiohttp
handler returning the same bytes, measured in the same run.

Each server runs in its own process, the load generator in another (bounded: fixed concurrency
for a fixed time). Printed per endpoint: requests/s and p95 of the product and of the bare
baseline, their ratio, and the server's CPU per request (process CPU, not wall: the host is
shared, so compare ratios from one run, not absolute figures across runs).

Run: ``.venv/bin/python bench/web_api.py [--seconds 5] [--concurrency 32] [--postgres]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--dreams", type=int, default=60)
    parser.add_argument("--postgres", action="store_true", help="seed a PostgreSQL database")
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
        product, product_port = _start(stack, "product", database_url)
        bodies = Path(folder) / "bodies"
        bodies.mkdir()
        for path in ENDPOINTS:
            request = urllib.request.Request(
                f"http://127.0.0.1:{product_port}{path}", headers=dict([header])
            )
            with urllib.request.urlopen(request) as response:
                (bodies / f"{path.strip('/').replace('/', '__')}.json").write_bytes(response.read())
        bare, bare_port = _start(stack, "bare", str(bodies))
        print(
            f"{args.concurrency} connections, {args.seconds:g} s each, {args.dreams} dreams in the journal"
        )
        print(
            f"{'endpoint':24} {'product r/s':>12} {'bare r/s':>10} {'ratio':>6} {'p95 ms':>7} {'bare p95':>9} {'CPU µs/req':>11} {'bare CPU':>9}"
        )
        for path in ENDPOINTS:
            mine = _measure(product, f"http://127.0.0.1:{product_port}{path}", args, header)
            base = _measure(bare, f"http://127.0.0.1:{bare_port}{path}", args, None)
            assert not mine["failed"] and not base["failed"], (mine, base)
            print(
                f"{path:24} {mine['rps']:12.0f} {base['rps']:10.0f} {mine['rps'] / base['rps']:6.2f} "
                f"{mine['p95_ms']:7.1f} {base['p95_ms']:9.1f} {mine['cpu_us']:11.0f} {base['cpu_us']:9.0f}"
            )
        print("Shared host: figures move with other load; compare the ratio, measured in one run.")


if __name__ == "__main__":
    main()
