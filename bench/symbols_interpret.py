"""Throughput of the symbol finder and latency of the offline interpreter, on real reports.

Usage: ``python bench/symbols_interpret.py [--limit N]``. Reads DreamBank reports from
``../shared``; without that folder it uses a few built-in English and Russian dreams, repeated.
Targets: symbols ≥ 1000 dreams/s; offline interpreter p95 < 10 ms per dream.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis.highlights import highlights  # noqa: E402
from core.analysis.hvdc import code_dream  # noqa: E402
from core.analysis.mood import dream_mood  # noqa: E402
from core.analysis.symbols import find_symbols  # noqa: E402
from core.interpret.offline import OfflineInterpreter  # noqa: E402
from core.interpret.types import DreamContext, LunarContext  # noqa: E402

DREAMBANK = ROOT.parent / "shared" / "data" / "dreambank" / "dreambank_en.jsonl"
BUILT_IN = [
    "I was in my childhood house and a huge snake chased me through the kitchen. I was scared.",
    "Мне снилось, что я летала над морем, а потом упала в холодную воду. Было страшно.",
    "My teeth were falling out during an exam at school and my mother was laughing.",
]


def load_reports(limit: int) -> list[str]:
    if not DREAMBANK.is_file():
        print(f"({DREAMBANK} absent: using {len(BUILT_IN)} built-in dreams)")
        return (BUILT_IN * (limit // len(BUILT_IN) + 1))[:limit]
    reports = []
    with DREAMBANK.open(encoding="utf-8") as fh:
        for line in fh:
            reports.append(json.loads(line)["text"])
            if len(reports) >= limit:
                break
    return reports


def bench_symbols(reports: list[str]) -> None:
    find_symbols("warm-up", "en")
    started = time.perf_counter()
    hits = sum(len(find_symbols(text, "en")) for text in reports)
    elapsed = time.perf_counter() - started
    words = sum(len(t.split()) for t in reports) / len(reports)
    print(f"symbols: {len(reports) / elapsed:,.0f} dreams/s ({words:.0f} words on average), "
          f"{hits / len(reports):.1f} symbols per dream")  # fmt: skip


def contexts(reports: list[str]) -> list[DreamContext]:
    lunar = LunarContext(14, "full moon", "full_moon", 0.99, "Leo", "Dreams are vivid.")
    result = []
    for n, text in enumerate(reports):
        locale = "ru" if n % 4 == 3 else "en"
        coding = code_dream(text, lang="en")
        symbols = tuple(find_symbols(text, locale))
        result.append(DreamContext(
            text=text, locale=locale, coding=coding, symbols=symbols,
            highlights=tuple(highlights(coding, locale)),
            mood=dream_mood(coding, text, symbols), lunar=lunar if n % 2 else None,
        ))  # fmt: skip
    return result


async def bench_interpreter(items: list[DreamContext]) -> None:
    interpreter = OfflineInterpreter()
    await interpreter.interpret(items[0])  # compiles the templates
    timings = []
    for context in items:
        started = time.perf_counter()
        await interpreter.interpret(context)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"offline interpreter: p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, "
          f"max {timings[-1]:.2f} ms over {len(timings)} dreams")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    reports = load_reports(args.limit)
    bench_symbols(reports)
    asyncio.run(bench_interpreter(contexts(reports[: min(len(reports), 1000)])))


if __name__ == "__main__":
    main()
