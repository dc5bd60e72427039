"""The LLM interpretation cache entries made for dreams that are being deleted.

Each analysis records the key its interpretation was cached under (``llm_cache_key``). When a
dream goes — alone, or with its account — its entries go too: read the keys before the rows
are deleted (:func:`answer_keys`), erase them after (:func:`erase_answers`). An entry that
another remaining analysis still records is kept: the same scrubbed dream with the same
context (another user's, or the same text told twice) shares one key, and that entry is then
theirs as much as the deleted dream's. Analyses stored before migration 0006 recorded no key;
their entries expire by TTL.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from core.db.models import DreamAnalysis
from core.llm.errors import STORE_ERRORS

log = logging.getLogger(__name__)


class KeyDeleter(Protocol):
    """The key-value store the interpretation cache lives in (``core.cache.Cache``)."""

    async def delete(self, key: str) -> None: ...


async def answer_keys(**analyses: Any) -> list[str]:
    """The cache keys recorded by the analyses matching ``analyses`` (ORM filter arguments,
    e.g. ``dream_id=...`` or ``dream__user_id=...``)."""
    keys = await DreamAnalysis.filter(llm_cache_key__isnull=False, **analyses).values_list(
        "llm_cache_key", flat=True
    )
    return sorted({str(key) for key in keys})


async def erase_answers(cache: KeyDeleter, keys: list[str]) -> None:
    """Delete the entries under ``keys`` that no remaining analysis records (call it after the
    rows are gone). A store that is away is logged: the entries expire by their TTL."""
    if not keys:
        return
    shared = await DreamAnalysis.filter(llm_cache_key__in=keys).values_list(
        "llm_cache_key", flat=True
    )
    for key in sorted(set(keys) - {str(key) for key in shared}):
        try:
            await cache.delete(key)
        except STORE_ERRORS as exc:
            log.warning("an interpretation cache entry expires by TTL instead: %s", exc)
            return
