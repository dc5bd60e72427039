"""Score the HVdC coder against human gold codes and measure its throughput.

Usage: ``python bench/hvdc_eval.py [PATH] [--limit N] [--self-check]``. PATH defaults to the
women's norm cards in ``../shared`` (490 reports with human codes); without that folder the
script says so and exits 0. ``--self-check`` scores the gold cards against themselves (every
score must be 1), which exercises the scorer before or without the coder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis.evaluation import evaluate, format_report  # noqa: E402
from core.analysis.hvdc.types import CATEGORIES  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "data" / "hvdc" / "norms_female_coded.jsonl"


def load_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """The coded reports of a JSONL file (each line: ``report`` + the 13 category lists)."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def code_all(rows: list[dict[str, Any]], lang: str) -> tuple[list[dict[str, list[str]]], float]:
    """Run the coder on every report; returns the cards and the seconds spent coding."""
    from core.analysis.hvdc import code_dream

    cards = []
    started = time.perf_counter()
    for row in rows:
        text = row.get("report") or row.get("text") or ""
        cards.append(code_dream(text, lang=lang).card())
    return cards, time.perf_counter() - started


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N dreams")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--self-check", action="store_true", help="score gold against gold")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.path.is_file():
        print(f"skipping: gold file {args.path} not found (it lives in ../shared)")
        return 0
    gold = load_gold(args.path, args.limit)
    if args.self_check:
        predicted: list[dict[str, Any]] = [{c: row.get(c, []) for c in CATEGORIES} for row in gold]
        print(f"self-check: gold vs gold on {args.path.name}")
    else:
        predicted, seconds = code_all(gold, args.lang)
        words = sum(len((row.get("report") or "").split()) for row in gold)
        print(
            f"coder throughput (single process, pid {os.getpid()}): "
            f"{len(gold) / seconds:.1f} dreams/s, {words / seconds:.0f} words/s "
            f"({seconds:.2f} s for {len(gold)} dreams)"
        )
    print(format_report(evaluate(predicted, gold)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
