"""A cache of interpretations of identical dreams, so a re-sent dream costs no second call.

Key: ``llm_cache:{sha256}:{locale}``, the hash over the normalised *scrubbed* dream, the locale,
the model-chain version and a digest of the rest of the scrubbed context (highlights, lunar day,
past-dream excerpts): the answer depends on those too, and a user must never receive an answer
built from another user's past dreams. Values hold the answer with placeholders, never personal
data; the caller restores it with the current request's mapping.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from typing import Protocol

from core.interpret.types import Interpretation
from core.llm.scrubbing import ScrubbedDream

log = logging.getLogger(__name__)

_CACHED_FIELDS = (
    "summary",
    "text",
    "archetypes",
    "symbols",
    "mood",
    "confidence",
    "model_used",
    "sources",
)


class KeyValueStore(Protocol):
    """An async string store with expiry (``core.cache.MemoryCache`` / ``RedisCache`` are ones;
    their Redis errors are among the chain's ``STORE_ERRORS`` and skip the cache)."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, ttl: int) -> None: ...


def normalize_dream(text: str) -> str:
    """Case and spacing do not make a different dream."""
    return " ".join(text.casefold().split())


class InterpretationCache:
    """Stores scrubbed LLM answers under :meth:`key` for ``ttl_s`` seconds."""

    def __init__(self, store: KeyValueStore, *, ttl_s: int, chain_version: str) -> None:
        self._store = store
        self._ttl_s = ttl_s
        self._chain_version = chain_version

    def key(self, dream: ScrubbedDream) -> str:
        ctx = dream.context
        lunar = (ctx.lunar.lunar_day, ctx.lunar.phase_key) if ctx.lunar else None
        context_digest = json.dumps(
            [
                ctx.highlights,
                [s.key for s in ctx.symbols],
                lunar,
                [d.excerpt for d in ctx.similar],
                ctx.recurring_symbols,
                ctx.mood,
            ],
            ensure_ascii=False,
        )
        material = "\x1f".join(
            (normalize_dream(ctx.text), ctx.locale, self._chain_version, context_digest)
        )
        digest = hashlib.sha256(material.encode()).hexdigest()
        return f"llm_cache:{digest}:{ctx.locale}"

    async def load(self, key: str) -> Interpretation | None:
        raw = await self._store.get(key)
        if raw is None:
            return None
        try:
            fields = json.loads(raw)
            return Interpretation(**{k: fields[k] for k in _CACHED_FIELDS})
        except (ValueError, KeyError, TypeError):
            log.warning("ignoring an unreadable cache entry %s", key)
            return None

    async def save(self, key: str, result: Interpretation) -> None:
        fields = {k: v for k, v in asdict(result).items() if k in _CACHED_FIELDS}
        await self._store.set(key, json.dumps(fields, ensure_ascii=False), self._ttl_s)
