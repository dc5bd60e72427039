"""Write the offline interpreter's readings of the reviewed example dreams, for reading.

Usage: ``python bench/offline_examples.py [--write]``. Reads
``tests/data/interpretation_dreams.jsonl`` (30 dreams of different kinds, English and Russian)
and prints each reading; ``--write`` stores them in ``tests/data/interpretations.jsonl``, the
reviewed examples (review any change by reading it before committing it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.dreams.analyzer import read_dream  # noqa: E402
from core.interpret.offline import OfflineInterpreter  # noqa: E402
from core.interpret.types import DreamContext, LunarContext  # noqa: E402

DREAMS = ROOT / "tests" / "data" / "interpretation_dreams.jsonl"
READINGS = ROOT / "tests" / "data" / "interpretations.jsonl"


def example_context(text: str, lang: str) -> DreamContext:
    """The context the bot would build for a first dream (no journal yet), with a lunar night."""
    reading = read_dream(text, lang, lang)
    lunar = LunarContext(28, "Waning crescent", "waning_crescent", 0.04, "Scorpio", "")
    return DreamContext(
        text=text,
        locale=lang,
        coding=reading.coding,
        highlights=reading.highlights,
        symbols=reading.symbols,
        mood=reading.mood,
        lunar=lunar,
    )


async def readings() -> list[dict[str, str]]:
    interpreter = OfflineInterpreter()
    out = []
    for line in DREAMS.read_text(encoding="utf-8").splitlines():
        dream = json.loads(line)
        answer = await interpreter.interpret(example_context(dream["text"], dream["lang"]))
        out.append({**dream, "summary": answer.summary, "reading": answer.text})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store them as the reviewed set")
    args = parser.parse_args()
    rows = asyncio.run(readings())
    for row in rows:
        print(
            f"== {row['lang']} {row['kind']}\n{row['text']}\n-- {row['summary']}\n{row['reading']}\n"
        )
    if args.write:
        with READINGS.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
