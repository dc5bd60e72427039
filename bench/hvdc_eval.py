"""Score the HVdC coder against human gold codes and measure its throughput.

Usage: ``python bench/hvdc_eval.py [PATH] [--limit N] [--self-check] [--dreambank-limit N]``.
PATH defaults to the women's norm cards in ``../shared`` (490 reports with human codes); without
that folder the script says so and exits 0. ``--self-check`` scores the gold cards against
themselves (every score must be 1), which exercises the scorer before or without the coder.

Besides its own report it prints the product owner's scorer (``../shared/tools/hvdc_score.py``)
on the whole set and on each half, the coder's CPU throughput with and without the parser, the
CPU of a fresh process that loads the coder and parser, and the predicted per-dream rates
(striving, aggression, friendliness, A/C, F/C) over all of DreamBank (``--dreambank-limit 0``
skips it; it takes about two CPU minutes). Times are process CPU: the host is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._hvdc_corpus import (  # noqa: E402
    dreambank_rates,
    score_halves,
    start_up_cpu,
    throughput,
)
from core.analysis.evaluation import evaluate, format_report  # noqa: E402
from core.analysis.hvdc.types import CATEGORIES  # noqa: E402
from core.analysis.norms.indicators import (  # noqa: E402
    compute_indicators,
    indicators_from_tallies,
)
from core.analysis.norms.profile import value_interval  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "data" / "hvdc" / "norms_female_coded.jsonl"


def load_gold(
    path: Path, limit: int | None, split: str | None = None, text: str = "report"
) -> list[dict[str, Any]]:
    """The coded reports of a JSONL file (each line: ``report`` + the 13 category lists).

    ``split`` keeps only the lines of that split (the Russian set's ``dev``/``heldout``, the
    extra set's ``dev2``/``check``/``check2``);
    ``text`` names the field to code (``report_en`` codes the English originals of a
    translated set, for a same-reports comparison).
    """
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if split and row.get("split") != split:
                continue
            if text != "report":
                row = {**row, "report": row.get(text, "")}
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def code_all(rows: list[dict[str, Any]], lang: str) -> tuple[list[dict[str, list[str]]], float]:
    """Run the coder on every report (the parser loaded first); returns the cards and the CPU
    seconds spent coding."""
    from core.analysis.hvdc import code_dreams
    from core.analysis.hvdc.parse import default_parser

    default_parser()
    started = time.process_time()
    texts = [row.get("report") or row.get("text") or "" for row in rows]
    cards = [coding.card() for coding in code_dreams(texts, lang=lang)]
    return cards, time.process_time() - started


def interval_coverage(rows: list[dict[str, Any]], sizes: tuple[int, ...] = (50, 100)) -> str:
    """How often the profile's 95 % intervals of random subsets contain the full-set value.

    Subsets are drawn without replacement from a finite set, so coverage here reads slightly
    high, more so for larger subsets.
    """
    full = compute_indicators(rows)
    rng = random.Random(20260)
    lines = []
    for size in sizes:
        hits: dict[str, list[bool]] = {}
        for _ in range(300):
            subset = indicators_from_tallies(rng.sample(list(full.per_dream), size))
            for item in subset.values:
                interval, truth = value_interval(item, subset), full.value(item.spec.key)
                if interval is not None and truth is not None:
                    hits.setdefault(item.spec.key, []).append(interval[0] <= truth <= interval[1])
        shares = {key: sum(v) / len(v) for key, v in hits.items()}
        worst = min(shares, key=shares.__getitem__)
        lines.append(
            f"interval coverage at {size} dreams: mean {sum(shares.values()) / len(shares):.3f}, "
            f"lowest {shares[worst]:.3f} ({worst})"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N dreams")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--split",
        default=None,
        help="only this split (dev / heldout; the extra set: dev2 / check / check2)",
    )
    parser.add_argument("--text", default="report", help="the field to code (report_en …)")
    parser.add_argument("--pred", type=Path, default=None, help="also write the cards here")
    parser.add_argument(
        "--gold-out",
        type=Path,
        default=None,
        help="also write the selected gold cards here (to score a split with hvdc_score.py)",
    )
    parser.add_argument("--self-check", action="store_true", help="score gold against gold")
    parser.add_argument(
        "--calibration", action="store_true", help="coverage of the h-profile intervals"
    )
    parser.add_argument(
        "--dreambank-limit",
        type=int,
        default=None,
        help="code only the first N DreamBank reports for the rates (0 skips them)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.path.is_file():
        print(f"skipping: gold file {args.path} not found (it lives in ../shared)")
        return 0
    gold = load_gold(args.path, args.limit, args.split, args.text)
    if not gold:
        print(
            f"no report in {args.path.name}" + (f" has split {args.split!r}" if args.split else "")
        )
        return 2
    if args.self_check:
        predicted: list[dict[str, Any]] = [{c: row.get(c, []) for c in CATEGORIES} for row in gold]
        print(f"self-check: gold vs gold on {args.path.name}")
    else:
        predicted, seconds = code_all(gold, args.lang)
        words = sum(len((row.get("report") or "").split()) for row in gold)
        print(
            f"coder throughput (single process, pid {os.getpid()}, process CPU): "
            f"{len(gold) / seconds:.1f} dreams/s, {words / seconds:.0f} words/s "
            f"({seconds:.2f} CPU-s for {len(gold)} dreams)"
        )
    if args.pred is not None:
        args.pred.write_text(
            "".join(json.dumps(card, ensure_ascii=False) + "\n" for card in predicted)
        )
    if args.gold_out is not None:
        args.gold_out.write_text(
            "".join(
                json.dumps({c: row.get(c, []) for c in CATEGORIES}, ensure_ascii=False) + "\n"
                for row in gold
            )
        )
    print(format_report(evaluate(predicted, gold)))
    if not args.self_check:
        print(score_halves(gold, predicted))
        print(throughput([row.get("report") or row.get("text") or "" for row in gold]))
        print(f"start-up with the parser: {start_up_cpu():.2f} CPU-s (fresh process)")
        if args.dreambank_limit != 0:
            print(dreambank_rates(args.dreambank_limit))
    if args.calibration:
        print(interval_coverage(gold))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
