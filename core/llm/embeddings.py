"""Embeddings from OpenAI (``text-embedding-3-small``), for the similar-dreams search when a key is
set. The SDK asks for base64 and decodes it; we batch, retry transient failures and keep order."""

from __future__ import annotations

import openai

from core.llm.errors import ProviderError
from core.llm.retry import RetryPolicy

EMBEDDING_MODEL = "text-embedding-3-small"
#: The API accepts up to 2048 inputs per request.
MAX_BATCH = 2048


async def embed_openai(
    client: openai.AsyncOpenAI,
    texts: list[str],
    *,
    model: str = EMBEDDING_MODEL,
    retry: RetryPolicy | None = None,
    timeout_s: float = 15.0,
) -> list[list[float]]:
    """One vector per text, in the order of ``texts``; raises :class:`ProviderError` after the
    retries. Build the client with ``max_retries=0``: this function does the retrying."""
    policy = retry or RetryPolicy(attempts=3, base_delay_s=0.5, max_delay_s=4.0)
    vectors: list[list[float]] = []
    for start in range(0, len(texts), MAX_BATCH):
        batch = texts[start : start + MAX_BATCH]

        async def call(batch: list[str] = batch) -> list[list[float]]:
            return await _embed_batch(client, batch, model, timeout_s)

        vectors.extend(await policy.run(call))
    return vectors


async def _embed_batch(
    client: openai.AsyncOpenAI, batch: list[str], model: str, timeout_s: float
) -> list[list[float]]:
    try:
        response = await client.embeddings.create(model=model, input=batch, timeout=timeout_s)
    except (openai.APITimeoutError, openai.APIConnectionError) as exc:
        raise ProviderError(
            f"embeddings unreachable: {type(exc).__name__}", transient=True
        ) from exc
    except openai.APIStatusError as exc:
        transient = exc.status_code >= 500 or exc.status_code in {408, 409, 429}
        raise ProviderError(f"embeddings HTTP {exc.status_code}", transient=transient) from exc
    if len(response.data) != len(batch):
        raise ProviderError("embeddings answered a different number of vectors", transient=False)
    return [list(item.embedding) for item in sorted(response.data, key=lambda d: d.index)]
