"""The embedder contract: texts in, float32 L2-normalized rows out, whichever model answers."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class EmbeddingError(Exception):
    """Root of this package's errors: an embedder could not embed (fall back to another)."""


class Embedder(Protocol):
    """Turns texts into unit vectors; vectors of different ``name`` are never compared."""

    name: str  # stored with each vector (``DreamEmbedding.model``)
    dim: int

    async def embed(self, texts: list[str]) -> np.ndarray:
        """A ``(len(texts), dim)`` float32 array whose non-zero rows have unit length."""
        ...


def l2_normalize(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float32; all-zero rows stay zero (nothing to point at)."""
    rows = np.atleast_2d(np.asarray(matrix, dtype=np.float32))
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: np.ndarray = np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
    return unit.astype(np.float32)
