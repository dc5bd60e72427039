"""The coder's output on the 490 development reports, stored as test data (the golden file).

A refactor must leave every code as it was; a change that alters codes on purpose regenerates
the file in the same commit and says why in the commit message::

    .venv/bin/python -m tests.core.analysis.hvdc.golden

The codes are those of the coder with the English parser installed (the ``nlp`` extra).
Only the codes are stored, keyed by ``series`` and ``number`` (no report text: the reports
stay in ``../shared``); empty categories are left out to keep diffs readable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.analysis.hvdc import code_dreams
from core.analysis.hvdc.types import CATEGORIES

GOLDEN = Path(__file__).resolve().parent / "data" / "golden_dev_codes.jsonl"
DEV_SET = Path("data") / "hvdc" / "norms_female_coded.jsonl"
SHARED = Path(__file__).resolve().parents[5] / "shared"


def dev_reports(shared_dir: Path) -> list[dict[str, Any]]:
    """The development set's rows (series, number, report and the human codes)."""
    text = (shared_dir / DEV_SET).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def coded_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One golden row per report: its key and the coder's non-empty categories, in order."""
    out = []
    codings = code_dreams([row["report"] for row in rows])
    for row, coding in zip(rows, codings, strict=True):
        card = coding.card()
        coded: dict[str, Any] = {"series": row["series"], "number": row["number"]}
        coded.update({cat: card[cat] for cat in CATEGORIES if card[cat]})
        out.append(coded)
    return out


def read_golden(path: Path = GOLDEN) -> list[dict[str, Any]]:
    """The stored golden rows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_golden(rows: list[dict[str, Any]], path: Path = GOLDEN) -> None:
    """Store golden rows, one compact JSON object a line."""
    lines = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_golden(coded_rows(dev_reports(SHARED)))
    print(f"wrote {GOLDEN}")
