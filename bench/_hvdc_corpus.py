"""Parts of ``bench/hvdc_eval.py`` beyond the scores: CPU throughput and start-up of the coder,
the shared scorer on each half of the development set, and predicted rates over DreamBank.

All times are process CPU (``time.process_time``), not wall time: the development host is
shared, and CPU per dream is what one core can do. Even so, contention inflates CPU time a
little (caches); compare figures taken in the same invocation.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "hvdc_score.py"
DREAMBANK = SHARED / "data" / "dreambank" / "dreambank_en.jsonl"
_START_UP = (
    "import time\n"
    "from core.analysis.hvdc import code_dream\n"
    "from core.analysis.hvdc.parse import default_parser\n"
    "default_parser()\n"
    "code_dream('The man chased me and I hit him with a stick.')\n"
    "print(time.process_time())\n"
)


def start_up_cpu() -> float:
    """CPU seconds of a fresh process that imports the coder, loads the parser and codes one
    report (the interpreter's own start is included)."""
    out = subprocess.run(
        [sys.executable, "-c", _START_UP], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def throughput(texts: list[str]) -> str:
    """Dreams per CPU second with and without the parser, in this process (parser loaded)."""
    from core.analysis.hvdc import code_dreams
    from core.analysis.hvdc.parse import NO_PARSER, default_parser

    parser = default_parser()
    code_dreams(texts[:5])  # lexicons and the parser's first-call costs
    figures = []
    for name, chosen in (("with parser", parser), ("word order only", NO_PARSER)):
        started = time.process_time()
        code_dreams(texts, parser=chosen)
        seconds = time.process_time() - started
        figures.append(f"{name} {len(texts) / seconds:.0f} dreams/CPU-s")
    return "coder throughput (one core, process CPU): " + ", ".join(figures)


def score_halves(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> str:
    """The product owner's scorer (``../shared/tools/hvdc_score.py``) on the whole set and
    on each half, one summary line each."""
    if not SCORER.is_file():
        return f"(the shared scorer {SCORER} is absent)"
    half = len(gold) // 2
    lines = []
    for name, part in (
        ("whole", slice(None)),
        ("half A", slice(0, half)),
        ("half B", slice(half, None)),
    ):
        lines.append(f"hvdc_score.py {name:6s}: {_summary(gold[part], predicted[part])}")
    return "\n".join(lines)


def _summary(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = Path(tmp, "gold.jsonl"), Path(tmp, "pred.jsonl")
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in predicted), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(SCORER), str(gold_path), str(pred_path)],
            capture_output=True,
            text=True,
            check=False,
        )
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr.strip()
    return last.split(": ", 1)[-1]


def _dreambank(limit: int | None) -> Iterator[dict[str, Any]]:
    with DREAMBANK.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def dreambank_rates(limit: int | None = None, batch: int = 256) -> str:
    """Predicted per-dream rates over DreamBank, pooled, and their spread across series: as
    information (individual dreamers differ widely), and a robustness run on messy text."""
    from core.analysis.hvdc import code_dreams

    if not DREAMBANK.is_file():
        return f"(DreamBank {DREAMBANK} is absent)"
    rows = list(_dreambank(limit))
    # per series: dreams, with striving, with aggression, with friendliness, characters,
    # aggression codes, friendliness codes
    tallies: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    started = time.process_time()
    for first in range(0, len(rows), batch):
        chunk = rows[first : first + batch]
        for row, coding in zip(
            chunk, code_dreams([r.get("text") or "" for r in chunk]), strict=True
        ):
            card = coding.card()
            t = tallies[row.get("series", "?")]
            t[0] += 1
            t[1] += bool(card["success"] or card["failure"])
            t[2] += bool(card["aggression"])
            t[3] += bool(card["friendliness"])
            t[4] += len(card["characters"])
            t[5] += len(card["aggression"])
            t[6] += len(card["friendliness"])
    seconds = time.process_time() - started
    return _rates_table(tallies, len(rows), seconds)


def _rates_table(tallies: dict[str, list[int]], total: int, seconds: float) -> str:
    pooled = [sum(t[k] for t in tallies.values()) for k in range(7)]
    chars = max(pooled[4], 1)
    lines = [
        f"DreamBank: {total} reports coded without an exception in {seconds:.0f} CPU-s "
        f"({total / seconds:.0f} dreams/CPU-s), {len(tallies)} series",
        f"  pooled per-dream rates: striving (success or failure) {pooled[1] / total:.3f}, "
        f"aggression {pooled[2] / total:.3f}, friendliness {pooled[3] / total:.3f}; "
        f"A/C {pooled[5] / chars:.3f}, F/C {pooled[6] / chars:.3f}",
    ]
    big = [t for t in tallies.values() if t[0] >= 50]
    for name, k in (("striving", 1), ("aggression", 2), ("friendliness", 3)):
        rates = sorted(t[k] / t[0] for t in big)
        if rates:
            lines.append(
                f"  {name} across {len(rates)} series of 50+ dreams: min {rates[0]:.2f}, "
                f"median {statistics.median(rates):.2f}, max {rates[-1]:.2f}"
            )
    return "\n".join(lines)
