"""Dream vectors in the database and the user's own similar dreams, ranked with numpy.

Vectors are float32 little-endian bytes in ``DreamEmbedding.vector`` (portable across
PostgreSQL and SQLite, no vector extension needed): a user has at most a few thousand dreams,
which numpy ranks in well under a millisecond. Only vectors of the same model are compared.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable

import numpy as np

from core.db.models import Dream, DreamAnalysis, DreamEmbedding
from core.embeddings.base import l2_normalize
from core.excerpts import excerpt
from core.interpret.types import SimilarDream

EXCERPT_CHARS = 200
VECTOR_DTYPE = np.dtype("<f4")


def to_bytes(vector: np.ndarray) -> bytes:
    """A 1-D vector as float32 little-endian bytes."""
    return np.asarray(vector, dtype=VECTOR_DTYPE).reshape(-1).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    """The inverse of :func:`to_bytes` (a read-only view on ``blob``)."""
    return np.frombuffer(blob, dtype=VECTOR_DTYPE)


async def save_embedding(
    dream: Dream,
    vector: np.ndarray,
    model: str,
) -> None:
    """Store (or replace) the dream's vector for ``model``; one vector per dream.

    One ``INSERT … ON CONFLICT (dream_id) DO UPDATE`` statement: no look-up first, and no
    transaction or savepoint of its own (``update_or_create`` took four round trips).
    """
    flat = np.asarray(vector, dtype=np.float32).reshape(-1)
    row = DreamEmbedding(dream_id=dream.id, model=model, dim=int(flat.size), vector=to_bytes(flat))
    await DreamEmbedding.bulk_create(
        [row],
        on_conflict=["dream_id"],
        update_fields=["model", "dim", "vector"],
    )


def _as_uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


async def similar_dreams(
    user_id: str | uuid.UUID,
    vector: np.ndarray,
    limit: int = 3,
    exclude_dream_id: str | uuid.UUID | None = None,
    min_similarity: float = 0.3,
    *,
    model: str,
) -> list[SimilarDream]:
    """The user's own dreams most similar to ``vector`` (cosine ≥ ``min_similarity``), best first.

    Only vectors stored by ``model`` with the query's dimension are compared.
    """
    query = l2_normalize(np.asarray(vector, dtype=np.float32).reshape(1, -1))[0]
    rows = DreamEmbedding.filter(dream__user_id=_as_uuid(user_id), model=model, dim=query.size)
    if exclude_dream_id is not None:
        rows = rows.exclude(dream_id=_as_uuid(exclude_dream_id))
    found = await rows.values("dream_id", "vector", "dream__text", "dream__created_at")
    if not found or limit <= 0:
        return []
    matrix = l2_normalize(np.stack([from_bytes(bytes(r["vector"])) for r in found]))
    scores = matrix @ query
    order = [i for i in np.argsort(-scores, kind="stable") if scores[i] >= min_similarity][:limit]
    return [
        SimilarDream(
            dream_id=str(found[i]["dream_id"]),
            excerpt=excerpt(found[i]["dream__text"], EXCERPT_CHARS),
            similarity=float(scores[i]),
            created_at=found[i]["dream__created_at"],
        )
        for i in order
    ]


async def recurring_symbols(
    user_id: str | uuid.UUID,
    among: Iterable[str] | None = None,
    *,
    exclude_dream_id: str | uuid.UUID | None = None,
    min_dreams: int = 2,
    limit: int = 5,
) -> list[str]:
    """Symbol keys found in at least ``min_dreams`` of the user's past dreams, most frequent first.

    ``among`` restricts the answer to keys of interest (typically the current dream's symbols);
    a dream analysed twice counts once.
    """
    rows = DreamAnalysis.filter(dream__user_id=_as_uuid(user_id))
    if exclude_dream_id is not None:
        rows = rows.exclude(dream_id=_as_uuid(exclude_dream_id))
    per_dream: dict[object, set[str]] = {}
    for dream_id, symbols in await rows.values_list("dream_id", "symbols"):
        per_dream.setdefault(dream_id, set()).update(
            str(s) for s in (symbols or []) if isinstance(s, str)
        )
    counts = Counter(key for keys in per_dream.values() for key in keys)
    wanted = set(among) if among is not None else None
    ranked = sorted(
        (key for key, n in counts.items() if n >= min_dreams and (wanted is None or key in wanted)),
        key=lambda key: (-counts[key], key),
    )
    return ranked[:limit]
