"""Dream embeddings: the embedder contract, a local multilingual model, fallbacks, and storage.

Use :func:`default_embedder` for the best embedder installed (the local USE model, else the
hashing fallback); :class:`OpenAIEmbedder` wraps an injected OpenAI call. Storage helpers
(:func:`save_embedding`, :func:`similar_dreams`, :func:`recurring_symbols`) are in ``store``.
"""

from __future__ import annotations

from functools import lru_cache

from core.embeddings.base import Embedder, EmbeddingError, l2_normalize
from core.embeddings.hashing import HashingEmbedder
from core.embeddings.local import LocalEmbedder, local_model_available
from core.embeddings.remote import OpenAIEmbedder
from core.embeddings.store import recurring_symbols, save_embedding, similar_dreams


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The local multilingual model when installed, else the hashing fallback (one per process)."""
    return LocalEmbedder() if local_model_available() else HashingEmbedder()


__all__ = [
    "Embedder",
    "EmbeddingError",
    "HashingEmbedder",
    "LocalEmbedder",
    "OpenAIEmbedder",
    "default_embedder",
    "l2_normalize",
    "recurring_symbols",
    "save_embedding",
    "similar_dreams",
]
