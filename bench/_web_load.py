"""A bounded HTTP load generator for ``bench/web_api.py``, in a process of its own.

``URL SECONDS CONCURRENCY [HEADER_NAME HEADER_VALUE]``: keeps CONCURRENCY requests in flight on
one keep-alive connection pool for SECONDS, then prints one JSON line: requests, seconds,
requests/s, p50 and p95 latency (ms), and failed requests.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp


async def _worker(
    session: aiohttp.ClientSession,
    url: str,
    headers: dict[str, str],
    until: float,
    latencies: list[float],
    failures: list[int],
) -> None:
    while time.perf_counter() < until:
        started = time.perf_counter()
        async with session.get(url, headers=headers) as response:
            await response.read()
            if response.status != 200:
                failures.append(response.status)
        latencies.append(time.perf_counter() - started)


async def run(
    url: str, seconds: float, concurrency: int, headers: dict[str, str]
) -> dict[str, float]:
    latencies: list[float] = []
    failures: list[int] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        for _ in range(50):  # warm-up: connections open, caches filled
            async with session.get(url, headers=headers) as response:
                await response.read()
        started = time.perf_counter()
        until = started + seconds
        await asyncio.gather(
            *(
                _worker(session, url, headers, until, latencies, failures)
                for _ in range(concurrency)
            )
        )
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "seconds": elapsed,
        "rps": len(ordered) / elapsed,
        "p50_ms": 1000 * ordered[len(ordered) // 2],
        "p95_ms": 1000 * ordered[int(len(ordered) * 0.95)],
        "failed": len(failures),
    }


def main() -> None:
    url, seconds, concurrency = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    headers = {sys.argv[4]: sys.argv[5]} if len(sys.argv) > 5 else {}
    print(json.dumps(asyncio.run(run(url, seconds, concurrency, headers))))


if __name__ == "__main__":
    main()
