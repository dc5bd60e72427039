"""Build the Russian HVdC evaluation set from the translations and the human gold cards.

Usage: ``python bench/hvdc_ru_set.py`` (needs ``../shared``). Writes
``tests/data/hvdc_ru/norms_female_ru.jsonl``: one line per translated women's norm report with
``series, number, split, report`` (Russian), ``report_en``, the 13 gold categories (the human
coders' codes, changed only where a note in the translation says Russian reveals more) and
``notes``. The selection is fixed: reports of at most 120 words, 156 drawn with seed 16,
sorted by number; every third (positions 2, 5, 8 …) is the held-out split, never used while
writing rules.

Also writes ``norms_female_ru_extra.jsonl`` from ``translations/extra*.jsonl`` (see
``write_extra``). The third extra file, ``extra03`` (split ``check2``), is a fresh unseen set
whose draw is fixed here too: from the reports not among the 231 translated before it
(``batch*``, ``extra01``, ``extra02``), those of at most 150 words (all of them are over 120,
the first selection took the shorter ones, so 121–150 words), 50 drawn with
``random.Random(163)`` (#16, part 3), sorted by number. ``main`` warns if the file drifts
from the draw.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "hvdc" / "norms_female_coded.jsonl"
DATA = ROOT / "tests" / "data" / "hvdc_ru"
CATEGORIES = (
    "characters", "aggression", "friendliness", "sexuality", "settings", "objects",
    "activities", "modifiers", "failure", "success", "misfortune", "good_fortune", "emotions",
)  # fmt: skip


def selection(rows: list[dict[str, Any]]) -> dict[str, str]:
    """number → split ("dev" or "heldout") of the 156 selected reports."""
    pool = [r for r in rows if len(r["report"].split()) <= 120]
    chosen = sorted(random.Random(16).sample(pool, 156), key=lambda r: r["number"])
    return {r["number"]: ("heldout" if k % 3 == 2 else "dev") for k, r in enumerate(chosen)}


def check2_draw(rows: list[dict[str, Any]]) -> list[str]:
    """Numbers of the 50 ``check2`` reports: the seeded draw from the untranslated ones.

    ``extra03`` itself is left out of "translated" so the draw does not depend on it."""
    before = set(translations())
    for name in ("extra01.jsonl", "extra02.jsonl"):
        text = (DATA / "translations" / name).read_text(encoding="utf-8")
        before |= {json.loads(line)["number"] for line in text.splitlines() if line.strip()}
    pool = [r for r in rows if r["number"] not in before and len(r["report"].split()) <= 150]
    return sorted(r["number"] for r in random.Random(163).sample(pool, 50))


def translations() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((DATA / "translations").glob("batch*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found[item["number"]] = item
    return found


def write_extra(rows: list[dict[str, Any]]) -> None:
    """``norms_female_ru_extra.jsonl``: 125 more translated norm reports outside the 156.
    ``dev2`` (40, ``extra01``, second session of #16) was used to write settings rules;
    ``check`` (35, ``extra02``) was only ever scored, as a second unseen set; ``check2``
    (50, ``extra03``, session 2026-12-07e) is a third unseen set, for the lead to score once."""
    by_number = {r["number"]: r for r in rows}
    out = []
    for path in sorted((DATA / "translations").glob("extra*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            row = by_number[item["number"]]
            gold = {cat: list(row.get(cat, [])) for cat in CATEGORIES}
            gold.update(item.get("gold_changes") or {})
            out.append(
                {"series": row["series"], "number": item["number"], "split": item["split"],
                 "report": item["report_ru"], "report_en": row["report"], **gold,
                 "notes": item.get("notes", [])}
            )  # fmt: skip
    target = DATA / "norms_female_ru_extra.jsonl"
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), "utf-8")
    print(f"{len(out)} extra translated reports -> {target.relative_to(ROOT)}")


def main() -> int:
    if not SHARED.is_file():
        print(f"skipping: {SHARED} not found (it lives in ../shared)")
        return 0
    rows = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line]
    splits = selection(rows)
    done = translations()
    out = []
    for row in rows:
        number = row["number"]
        if number not in splits or number not in done:
            continue
        item = done[number]
        gold = {cat: list(row.get(cat, [])) for cat in CATEGORIES}
        gold.update(item.get("gold_changes") or {})
        out.append(
            {
                "series": row["series"],
                "number": number,
                "split": splits[number],
                "report": item["report_ru"],
                "report_en": row["report"],
                **gold,
                "notes": item.get("notes", []),
            }
        )
    write_extra(rows)
    extra03 = DATA / "translations" / "extra03.jsonl"
    if extra03.is_file():
        lines = extra03.read_text(encoding="utf-8").splitlines()
        if sorted(json.loads(line)["number"] for line in lines if line.strip()) != check2_draw(
            rows
        ):
            print("warning: extra03.jsonl is not the seeded check2 draw (see the docstring)")
    target = DATA / "norms_female_ru.jsonl"
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), "utf-8")
    held = sum(1 for r in out if r["split"] == "heldout")
    print(f"{len(out)} translated reports ({held} held out) -> {target.relative_to(ROOT)}")
    missing = sorted(set(splits) - set(done))
    if missing:
        print(f"{len(missing)} selected reports not translated yet: {' '.join(missing[:20])} …")
    return 0


if __name__ == "__main__":
    sys.exit(main())
