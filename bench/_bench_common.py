"""Shared bits of ``bench/analysis_bench.py``: dream texts, percentiles and the printed table."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DREAMBANK = ROOT.parent / "shared" / "data" / "dreambank" / "dreambank_en.jsonl"
#: Reports shorter than this are rejected by the bot's intake anyway.
MIN_CHARS = 40
#: The bot's default limit (``MAX_DREAM_CHARS``): longer reports never reach the analyzer.
MAX_CHARS = 8000
BUILT_IN = (
    "I was swimming in a dark lake near my grandmother's house. A big snake followed me and I "
    "was terrified, but my brother pulled me out of the water and we laughed together.",
    "I was late for an exam in a huge school I did not know. The corridors kept changing and my "
    "teacher shouted at me, so I ran outside and found myself flying over the city at night.",
    "My friend and I were at a party in a strange house. A stranger attacked us with a knife; we "
    "hid in the kitchen, then my mother came in and everybody was suddenly happy and calm.",
    "Мне снилось, что я шла с сестрой вдоль тёмной воды и искала дорогу домой. Вода поднималась, "
    "и мне было страшно, но потом я увидела свет в окне и успокоилась.",
)


def dream_texts(count: int, *, offset: int = 0) -> tuple[list[str], str]:
    """``count`` distinct reports spread evenly over DreamBank (skipping ``offset`` of the
    spread), and where they came from. Falls back to the built-in dreams, with numbered
    variants so texts stay distinct (the LLM cache would otherwise answer repeats)."""
    if not DREAMBANK.is_file():
        print(f"note: {DREAMBANK} is absent; using {len(BUILT_IN)} built-in dreams instead")
        texts = [f"{BUILT_IN[i % len(BUILT_IN)]} ({i})" for i in range(offset, offset + count)]
        return texts, "built-in dreams"
    usable = list(_usable_reports())
    stride = max(1, len(usable) // max(1, count + offset))
    picked = usable[offset * stride :: stride][:count]
    return picked, f"DreamBank ({len(usable):,} usable reports, every {stride}th)"


def _usable_reports() -> Iterator[str]:
    seen: set[str] = set()
    with DREAMBANK.open(encoding="utf-8") as lines:
        for line in lines:
            text = " ".join(json.loads(line)["text"].split())
            if MIN_CHARS <= len(text) <= MAX_CHARS and text not in seen:
                seen.add(text)
                yield text


def chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the printed table: a label, p50/p95/max in ms, and a free-text note."""

    label: str
    samples_ms: Sequence[float]
    note: str = ""

    def cells(self) -> list[str]:
        s = self.samples_ms
        return [
            self.label,
            str(len(s)),
            f"{percentile(s, 0.5):.1f}",
            f"{percentile(s, 0.95):.1f}",
            f"{max(s) if s else float('nan'):.1f}",
            self.note,
        ]


def print_table(title: str, rows: Sequence[Row]) -> None:
    header = ["what", "n", "p50 ms", "p95 ms", "max ms", "note"]
    table = [header, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    print(f"\n{title}")
    for index, line in enumerate(table):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            print("  " + "  ".join("-" * width for width in widths))


def host_speed_ms() -> float:
    """Milliseconds a fixed pure-Python loop takes here, best of three: the yardstick for
    comparing runs on a shared machine whose speed drifts (this session's host swung 2x)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return best * 1000
