"""Throughput, start-up cost and memory of the Russian HVdC coder, in CPU time of one core.

Usage: ``python bench/hvdc_ru_bench.py [--passes N]``. Codes the 156 translated norm reports
(tests/data/hvdc_ru) with the Russian coder, and the same reports in English with the English
coder as a yardstick run in the same process (the host is shared: compare the ratio, not the
absolute figures, across runs). numpy's thread pools are held to one thread, so process CPU
time is one core's work. Prints: start-up CPU seconds and resident memory after the models
load (once per process), dreams/s on a first pass (word analyses not yet cached) and on later
passes, and how many sentences the syntax model read.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: set before numpy is imported

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "hvdc_ru" / "norms_female_ru.jsonl"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rate(code: object, texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        code(text)  # type: ignore[operator]
    return len(texts) / (time.process_time() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    texts_ru = [row["report"] for row in rows]
    texts_en = [row["report_en"] for row in rows]
    before = _rss_mb()
    started = time.process_time()
    from core.analysis.hvdc.ru.coder import code_dream_ru, warm_up

    warm_up()
    startup = time.process_time() - started
    print(f"start-up (import + pymorphy3 + syntax model + word lists): {startup:.2f} s CPU, "
          f"resident memory {before:.0f} -> {_rss_mb():.0f} MB")  # fmt: skip
    first = _rate(code_dream_ru, texts_ru)
    later = [_rate(code_dream_ru, texts_ru) for _ in range(max(1, args.passes - 1))]
    print(f"Russian coder, {len(texts_ru)} translated norm reports: first pass {first:.1f} "
          f"dreams/s, later passes {max(later):.1f} dreams/s (one core, CPU time)")  # fmt: skip
    _syntax_share(texts_ru)
    from core.analysis.hvdc import code_dream

    code_dream(texts_en[0])  # the English models load once too
    english = max(_rate(code_dream, texts_en) for _ in range(2))
    print(f"yardstick: English coder on the same reports in English {english:.1f} dreams/s; "
          f"Russian/English ratio {max(later) / english:.2f}; peak memory {_rss_mb():.0f} MB")  # fmt: skip
    return 0


def _syntax_share(texts: list[str]) -> None:
    """How much of the text the syntax model reads (only the clauses of listed acts)."""
    from core.analysis.hvdc.ru.cast import build_cast
    from core.analysis.hvdc.ru.interactions import code_interactions
    from core.analysis.hvdc.ru.nlp import read

    words = parsed = sentences = touched = 0
    for text in texts:
        doc = read(text)
        code_interactions(doc, build_cast(doc))
        words += len(doc.words)
        sentences += len(doc.sentences)
        for sentence in doc.sentences:
            if sentence.heads is not None:
                touched += 1
                parsed += sum(1 for head in sentence.heads if head != -2)
    print(f"syntax read {parsed} of {words} words ({parsed / words:.0%}) in {touched} of "
          f"{sentences} sentences")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
