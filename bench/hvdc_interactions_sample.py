"""Read the coder's interaction codes on DreamBank men's reports it was never tuned on.

Usage:
``python bench/hvdc_interactions_sample.py [--size N] [--seed S] [--out FILE]`` codes a seeded
sample of DreamBank men's series (the held-out set is men's; the development set women's) and
prints, per category, the per-dream rate and the count of codes by the scorer's key (dreamer
initiates / receives / neither, physical or not); ``--out`` also writes every code with the
sentence that told it (and the one before) as JSONL.
``python bench/hvdc_interactions_sample.py --diff OLD.jsonl NEW.jsonl`` prints the codes one
run added or removed against another (run once on the old code, once on the new), for a
person to judge against the HVdC definitions — DreamBank has no codes.
Without ``../shared`` it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.hvdc_striving_sample import DREAMBANK, MEN, _sample, _told  # noqa: E402

CATEGORIES = ("aggression", "friendliness", "sexuality")


def _side(code: str) -> str:
    """The scorer's key of an interaction code (``../shared/tools/hvdc_score.py``)."""
    head, _, tail = code.partition(">") if ">" in code else code.partition("=")
    init, level = head.rsplit(" ", 1) if " " in head.strip() else ("", head)
    by_d, to_d = "D" in init.split(), "D" in tail.split()
    who = "D=D" if by_d and to_d else "D>" if by_d else ">D" if to_d else "X>X"
    digits = [c for c in level if c.isdigit()]
    return f"{who}/{'phys' if digits and int(digits[0]) >= 5 else 'non'}"


def _code(rows: list[dict[str, Any]], out: Path | None) -> None:
    from core.analysis.hvdc import code_dreams

    codings = code_dreams([r.get("text") or "" for r in rows])
    lines = []
    for cat in CATEGORIES:
        having = sum(1 for c in codings if c.of(cat))
        keys = Counter(_side(code.code) for c in codings for code in c.of(cat))
        print(
            f"{cat:13s} per dream {having / len(rows):.3f}  codes {sum(keys.values())}  {dict(keys)}"
        )
    for row, coding in zip(rows, codings, strict=True):
        for code in (c for cat in CATEGORIES for c in coding.of(cat)):
            told = _told(row.get("text") or "", code)
            lines.append({"id": row.get("id") or told[:40], "code": code.code, "told": told})
    if out is not None:
        out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def _diff(old_path: Path, new_path: Path) -> None:
    def load(p: Path) -> Counter[tuple[str, str, str]]:
        rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if x]
        return Counter((r["told"], r["code"], _side(r["code"])) for r in rows)

    old, new = load(old_path), load(new_path)
    for sign, found in (("+", new - old), ("-", old - new)):
        for (told, code, side), n in sorted(found.items(), key=lambda kv: kv[0][2]):
            print(f"{sign} {code:18s} {side:9s} x{n} {told}")
    print(f"added {sum((new - old).values())}, removed {sum((old - new).values())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args(argv)
    if args.diff:
        _diff(*args.diff)
        return 0
    if not DREAMBANK.is_file():
        print(f"DreamBank ({DREAMBANK}) is absent: nothing to read.")
        return 0
    _code(_sample(set(MEN.split(",")), args.size, args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
