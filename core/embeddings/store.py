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

from core.db import sql
from core.db.models import Dream, DreamAnalysis, DreamEmbedding
from core.embeddings.base import l2_normalize
from core.excerpts import excerpt
from core.interpret.types import SimilarDream

EXCERPT_CHARS = 200
VECTOR_DTYPE = np.dtype("<f4")
NO_DREAM = uuid.UUID(int=0)


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
    await sql.insert(row, on_conflict=("dream_id",), update=("model", "dim", "vector"))


#: The reads run on every analysis, so they are fixed statements (``core.db.sql`` says why).
#: The dream to leave out is always a parameter (the nil UUID, which no dream has, when none):
#: one statement either way.
_SIMILAR = sql.Statement(
    """SELECT e.dream_id, e.vector, d.text, d.created_at
       FROM dream_embeddings e JOIN dreams d ON d.id = e.dream_id
       WHERE d.user_id = $1 AND e.model = $2 AND e.dim = $3
         AND e.dream_id <> $4"""
)
_SYMBOLS = sql.Statement(
    """SELECT a.dream_id, a.symbols
       FROM dream_analyses a JOIN dreams d ON d.id = a.dream_id
       WHERE d.user_id = $1 AND a.dream_id <> $2"""
)


def _as_uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _excluded(dream_id: str | uuid.UUID | None) -> uuid.UUID:
    return NO_DREAM if dream_id is None else _as_uuid(dream_id)


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
    if limit <= 0:
        return []
    found = await sql.fetch(
        _SIMILAR, _as_uuid(user_id), model, query.size, _excluded(exclude_dream_id)
    )
    if not found:
        return []
    matrix = l2_normalize(np.stack([from_bytes(bytes(r["vector"])) for r in found]))
    scores = matrix @ query
    order = [i for i in np.argsort(-scores, kind="stable") if scores[i] >= min_similarity][:limit]
    return [
        SimilarDream(
            dream_id=str(found[i]["dream_id"]),
            excerpt=excerpt(found[i]["text"], EXCERPT_CHARS),
            similarity=float(scores[i]),
            created_at=sql.python_value(Dream, "created_at", found[i]["created_at"]),
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
    rows = await sql.fetch(_SYMBOLS, _as_uuid(user_id), _excluded(exclude_dream_id))
    per_dream: dict[object, set[str]] = {}
    for row in rows:
        symbols = sql.python_value(DreamAnalysis, "symbols", row["symbols"])
        per_dream.setdefault(row["dream_id"], set()).update(
            str(s) for s in (symbols or []) if isinstance(s, str)
        )
    counts = Counter(key for keys in per_dream.values() for key in keys)
    wanted = set(among) if among is not None else None
    ranked = sorted(
        (key for key, n in counts.items() if n >= min_dreams and (wanted is None or key in wanted)),
        key=lambda key: (-counts[key], key),
    )
    return ranked[:limit]
