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


#: ``1 + ln(n)`` for the counts a dream has, computed once with ``math.log`` (the reference).
_LOG_WEIGHT = np.array([0.0] + [1.0 + math.log(n) for n in range(1, 256)], dtype=np.float64)
#: CRC-32 of feature strings seen before: most repeat across dreams (common words, trigrams)
#: and hashing one anew costs an encode and a checksum. Bounded: cleared when full.
_DIGESTS: dict[str, int] = {}
_DIGESTS_MAX = 200_000


def _features(text: str) -> tuple[Counter[str], int]:
    """Feature counts, words first, then bigrams, then trigrams; and how many are not trigrams.

    The order is the insertion order the vectors were always built in, so sums come out the
    same to the last bit.
    """
    words = [normalize_word(w) for w in WORD_RE.findall(text)]
    features: Counter[str] = Counter([f"w:{w}" for w in words])
    features.update([f"b:{a} {b}" for a, b in itertools.pairwise(words)])
    whole = len(features)
    padded = [f"<{word}>" for word in words]
    features.update([f"c:{p[i : i + 3]}" for p in padded for i in range(len(p) - 2)])
    return features, whole


def _digests(features: Counter[str]) -> np.ndarray:
    found = list(map(_DIGESTS.get, features))
    if None in found:
        if len(_DIGESTS) > _DIGESTS_MAX:
            _DIGESTS.clear()
        for index, (feature, digest) in enumerate(zip(features, found, strict=True)):
            if digest is None:
                found[index] = _DIGESTS[feature] = zlib.crc32(feature.encode("utf-8"))
    return np.array(found, dtype=np.uint32)


def _weights(features: Counter[str], whole: int) -> np.ndarray:
    counts = np.fromiter(features.values(), np.int64, len(features))
    weights = _LOG_WEIGHT[np.minimum(counts, len(_LOG_WEIGHT) - 1)]
    for index in np.flatnonzero(counts >= len(_LOG_WEIGHT)):  # a word said 256+ times
        weights[index] = 1.0 + math.log(int(counts[index]))
    weights[whole:] *= 0.5  # character trigrams weigh half
    return weights


class HashingEmbedder:
    """Feature-hashing embedder (``name`` includes ``dim``: different sizes never mix)."""

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim
        self.name = f"hashing-v1-{dim}"

    def embed_sync(self, texts: list[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            features, whole = _features(text)
            if not features:
                continue
            # One vectorised pass per text (a per-feature numpy update cost ~1 ms a dream).
            digests = _digests(features)
            weights = _weights(features, whole)
            signed = np.where(digests & 0x80000000, weights, -weights)
            matrix[row] = np.bincount(digests % self.dim, signed, minlength=self.dim)
        return l2_normalize(matrix)

    async def embed(self, texts: list[str]) -> np.ndarray:
        if len(texts) <= INLINE_BATCH:
            return self.embed_sync(texts)
        return await asyncio.to_thread(self.embed_sync, texts)
