"""Dream embeddings: the embedder contract, a local multilingual model, fallbacks, and storage.

Use :func:`default_embedder` for the best embedder installed (the local USE model, else the
hashing fallback); :class:`OpenAIEmbedder` wraps an injected OpenAI call. Storage helpers live
in :mod:`core.embeddings.store` (they import the ORM models).
"""

from __future__ import annotations

from functools import lru_cache

from core.embeddings.base import Embedder, EmbeddingError, l2_normalize
from core.embeddings.hashing import HashingEmbedder
from core.embeddings.local import LocalEmbedder, local_model_available
from core.embeddings.remote import OpenAIEmbedder


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
]
