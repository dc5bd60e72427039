"""Read the coder's success/failure codes on DreamBank reports it was never tuned on.

Usage: ``python bench/hvdc_striving_sample.py [--series a,b,...] [--size N] [--seed S]``.

The development set is 490 women's reports; the held-out set is men's.  DreamBank has no codes,
but its men's series show whether a striving rule reads episodes or fits the women's wording:
this prints every success or failure code of a seeded sample with the sentence that told it
(and the one before), for a person to judge against the HVdC definitions, and the per-dream
rate.  Without ``../shared`` it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.analysis.hvdc import code_dreams  # noqa: E402
from core.analysis.hvdc.types import Code  # noqa: E402

DREAMBANK = ROOT.parent / "shared" / "data" / "dreambank" / "dreambank_en.jsonl"
#: DreamBank series of men dreamers (series names and descriptions on dreambank.net).
MEN = (
    "kenneth,norman,ed,david,blind-m,peru-m,vietnam_vet,phil1,phil2,phil3,natural_scientist,"
    "physiologist,chuck,mack,mark,tom,melvin,lawrence,jeff,emmas_husband,midwest_teens-m,"
    "pegasus,bosnak"
)


def _sample(series: set[str], size: int, seed: int) -> list[dict[str, Any]]:
    with DREAMBANK.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    chosen = [r for r in rows if r.get("series") in series]
    return random.Random(seed).sample(chosen, min(size, len(chosen)))


def _told(text: str, code: Code) -> str:
    """The sentence holding the code's evidence, after the one before it."""
    start = code.span[0] if code.span else 0
    begin = text.rfind(".", 0, start) + 1
    before = text.rfind(".", 0, max(begin - 1, 0)) + 1
    end = text.find(".", start)
    end = len(text) if end < 0 else end + 1
    return f"{text[before:begin].strip()[-120:]} >> {text[begin:end].strip()[:240]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", default=MEN, help="comma-separated DreamBank series")
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not DREAMBANK.is_file():
        print(f"DreamBank ({DREAMBANK}) is absent: nothing to read.")
        return 0
    rows = _sample(set(args.series.split(",")), args.size, args.seed)
    codings = code_dreams([r.get("text") or "" for r in rows])
    striving = 0
    for row, coding in zip(rows, codings, strict=True):
        codes = coding.of("success") + coding.of("failure")
        striving += bool(codes)
        for code in codes:
            print(f"{code.code:14s} [{code.evidence}] {_told(row.get('text') or '', code)}")
    print(f"{len(rows)} reports, striving (success or failure) in {striving / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
