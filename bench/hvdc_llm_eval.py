"""Score the LLM HVdC coder on the development set, with the product owner's scorer.

Usage: ``python bench/hvdc_llm_eval.py [--limit N] [--shots K] [--concurrency C]``. Needs an LLM
provider in the environment (``OPENAI_API_KEY`` or ``OPENAI_BASE_URL``, or
``ANTHROPIC_API_KEY``; ``LLM_CHAIN`` picks the model); without one it says so and exits 0 (no
LLM is reachable in the development workplace). K few-shot examples are drawn from the
development set with a fixed seed and left out of the scoring; the rest is coded and scored
with ``../shared/tools/hvdc_score.py`` (whole set and each half), beside the rule coder on the
same reports. Prints cost per dream, latency, fallbacks to the rules and dropped codes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis.hvdc import code_dreams  # noqa: E402
from core.analysis.hvdc.llm import LLMCoder  # noqa: E402
from core.analysis.hvdc.llm.choice import llm_backend  # noqa: E402
from core.analysis.hvdc.llm.codebook import Example  # noqa: E402
from core.analysis.hvdc.llm.notation import LLM_CATEGORIES  # noqa: E402
from core.config import Settings  # noqa: E402
from core.llm.pricing import PriceTable  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "data" / "hvdc" / "norms_female_coded.jsonl"
SCORER = SHARED / "tools" / "hvdc_score.py"
SUMMARY_KEYS = (
    "emo_bearing",
    "emo_all",
    "characters_attr_f1",
    "aggression_f1",
    "friendliness_f1",
    "settings_f1",
    "success_failure_f1",
    "misfortune_f1",
    "worst_indicator_dh",
)


def split(rows: list[dict[str, Any]], shots: int) -> tuple[list[Example], list[dict[str, Any]]]:
    """``shots`` short coded reports as examples (fixed seed), and the reports left to score."""
    short = [r for r in rows if len(r["report"]) < 700]
    picked = random.Random(17).sample(short, min(shots, len(short)))
    examples = [Example(r["report"], {c: r[c] for c in LLM_CATEGORIES}) for r in picked]
    rest = [r for r in rows if r not in picked]
    return examples, rest


async def code_all(coder: LLMCoder, rows: list[dict[str, Any]], concurrency: int) -> list[Any]:
    gate = asyncio.Semaphore(concurrency)

    async def one(row: dict[str, Any]) -> Any:
        async with gate:
            return await coder.code(row["report"])

    try:
        return list(await asyncio.gather(*(one(r) for r in rows)))
    finally:
        await coder.aclose()


def score(gold: list[dict[str, Any]], cards: list[dict[str, list[str]]]) -> dict[str, str]:
    """The scorer's summary figures for one set of predictions."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = Path(tmp, "gold.jsonl"), Path(tmp, "pred.jsonl")
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        pred_path.write_text("".join(json.dumps(c) + "\n" for c in cards), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(SCORER), str(gold_path), str(pred_path)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in SUMMARY_KEYS:
            found[parts[0]] = parts[1]
    return found


def report(name: str, gold: list[dict[str, Any]], cards: list[dict[str, list[str]]]) -> None:
    half = len(gold) // 2
    for part, sl in (
        ("whole", slice(None)),
        ("half A", slice(0, half)),
        ("half B", slice(half, None)),
    ):
        figures = score(gold[sl], cards[sl])
        print(f"{name:6s} {part:6s} " + " ".join(f"{k}={v}" for k, v in figures.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--shots", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args(argv)
    if not DEV_SET.is_file() or not SCORER.is_file():
        print(f"skipping: {DEV_SET} or {SCORER} not found (they live in ../shared)")
        return 0
    rows = [json.loads(x) for x in DEV_SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    examples, rest = split(rows, args.shots)
    rest = rest[: args.limit] if args.limit else rest
    settings = Settings().llm
    backend = llm_backend(settings)
    if backend is None:
        print(
            "skipping: no LLM provider configured (OPENAI_API_KEY / OPENAI_BASE_URL / "
            "ANTHROPIC_API_KEY); the rule coder is scored by bench/hvdc_eval.py"
        )
        return 0
    coder = LLMCoder(
        backend,
        prices=PriceTable(settings.prices),
        timeout_s=settings.request_timeout_s,
        examples=tuple(examples),
    )
    results = asyncio.run(code_all(coder, rest, args.concurrency))
    stats = coder.stats
    print(
        f"{coder.name}: {len(rest)} dreams, {args.shots} examples; {stats.fallbacks} coded by "
        f"the rules after a failure {stats.errors or ''}; {stats.dropped_codes} malformed codes "
        f"dropped; {stats.cost_usd / max(stats.answered, 1):.5f} USD and "
        f"{stats.latency_ms / max(stats.answered, 1):.0f} ms per answered dream"
    )
    report("llm", rest, [r.coding.card() for r in results])
    report("rules", rest, [c.card() for c in code_dreams([r["report"] for r in rest])])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
