"""A tiny deterministic embedder from feature hashing: the fallback when no model is installed.

Words, word bigrams and character trigrams (which let Russian inflections of one stem meet) are
hashed with CRC-32 — stable across processes, unlike ``hash()`` — into a signed vector. It knows
no synonyms and no translation, but it ranks a user's dreams that share words, instantly.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import zlib
from collections import Counter

import numpy as np

from core.analysis.symbols.forms import WORD_RE, normalize_word
from core.embeddings.base import l2_normalize

#: Texts up to this many at once are embedded inline; larger batches go to a thread.
INLINE_BATCH = 16


def _features(text: str) -> Counter[str]:
    words = [normalize_word(w) for w in WORD_RE.findall(text)]
    features: Counter[str] = Counter(f"w:{w}" for w in words)
    features.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    for word in words:
        padded = f"<{word}>"
        features.update(f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return features


class HashingEmbedder:
    """Feature-hashing embedder (``name`` includes ``dim``: different sizes never mix)."""

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim
        self.name = f"hashing-v1-{dim}"

    def embed_sync(self, texts: list[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            features = _features(text)
            if not features:
                continue
            # One vectorised pass per text (a per-feature numpy update cost ~1 ms a dream).
            digests = np.fromiter(
                (zlib.crc32(f.encode("utf-8")) for f in features), np.uint32, len(features)
            )
            weights = np.fromiter(
                ((0.5 if f[0] == "c" else 1.0) * (1.0 + math.log(n)) for f, n in features.items()),
                np.float64,
                len(features),
            )
            signed = np.where(digests & 0x80000000, weights, -weights)
            matrix[row] = np.bincount(digests % self.dim, signed, minlength=self.dim)
        return l2_normalize(matrix)

    async def embed(self, texts: list[str]) -> np.ndarray:
        if len(texts) <= INLINE_BATCH:
            return self.embed_sync(texts)
        return await asyncio.to_thread(self.embed_sync, texts)
