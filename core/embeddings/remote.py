"""OpenAI embeddings behind the :class:`Embedder` contract, with the call injected.

The HTTP call lives in ``core.llm`` (client, retries, budgets); this wrapper only takes an
async callable ``texts -> vectors`` — e.g. ``functools.partial(embed_openai, client)`` — so the
package imports nothing of the LLM layer and tests pass a plain coroutine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import numpy as np

from core.embeddings.base import EmbeddingError, l2_normalize

EmbedCall = Callable[[list[str]], Awaitable[Sequence[Sequence[float]] | np.ndarray]]


class OpenAIEmbedder:
    """Embeddings from an OpenAI model through an injected async call."""

    def __init__(
        self,
        call: EmbedCall,
        model: str = "text-embedding-3-small",
        dim: int = 1536,
        close: Callable[[], Awaitable[None]] | None = None,
    ):
        self._call = call
        self._close = close
        self.name = f"openai:{model}"
        self.dim = dim

    async def aclose(self) -> None:
        """Close the HTTP client behind the call, if the caller handed over how."""
        if self._close is not None:
            await self._close()

    async def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(await self._call(texts), dtype=np.float32)
        if vectors.shape != (len(texts), self.dim):
            raise EmbeddingError(
                f"{self.name} returned shape {vectors.shape}, expected {(len(texts), self.dim)}"
            )
        return l2_normalize(vectors)
