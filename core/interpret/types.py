"""The data a dream interpreter receives and returns, whichever link of the chain answers.

The LLM providers (``core.llm``) and the offline interpreter (``core.interpret.offline``) all
implement :class:`Interpreter`, so the chain can fall from one to the next without the caller
knowing which answered (``Interpretation.model_used`` says).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from core.analysis.hvdc.types import Coding


@dataclass(frozen=True, slots=True)
class SymbolHit:
    """A dream symbol found in the text, grounded by its span."""

    key: str  # dictionary key, e.g. "water"
    label: str  # localized display name
    meaning: str  # localized short meaning, written by us
    archetypes: tuple[str, ...]  # Jungian archetype keys, e.g. ("shadow",)
    span: tuple[int, int]
    evidence: str  # the exact text at ``span``


@dataclass(frozen=True, slots=True)
class LunarContext:
    """The lunar calendar of the dream's night, for the user's place."""

    lunar_day: int
    phase_name: str  # localized phase name
    phase_key: str  # e.g. "waxing_crescent"
    illumination: float  # 0..1
    sign: str  # localized zodiac sign
    folklore_note: str  # localized, labelled as folklore
    #: "Moon in Scorpio" as one localized phrase (the sign in the case the language needs)
    sign_phrase: str = ""


@dataclass(frozen=True, slots=True)
class SimilarDream:
    """One of the user's own past dreams that resembles this one."""

    dream_id: str
    excerpt: str
    similarity: float  # cosine, -1..1
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DreamContext:
    """Everything an interpreter may use. ``text`` is the dream as written (PII not yet scrubbed:
    providers that leave the machine must scrub it first)."""

    text: str
    locale: str  # "en" | "ru"
    coding: Coding
    highlights: tuple[str, ...] = ()  # localized plain-language HVdC highlights
    symbols: tuple[SymbolHit, ...] = ()
    mood: str = "neutral"  # "positive" | "negative" | "mixed" | "neutral"
    lunar: LunarContext | None = None
    similar: tuple[SimilarDream, ...] = ()
    recurring_symbols: tuple[str, ...] = ()  # symbol keys seen in several past dreams
    user_key: str = ""  # pseudonymous id, for budgets and caches; never a Telegram id in clear
    plan: str = "free"
    #: When the whole analysis must have its interpretation (``time.perf_counter()`` clock):
    #: what the embeddings used comes off the chain's deadline. None: the chain's own only.
    deadline_at: float | None = None


@dataclass(slots=True)
class Interpretation:
    """A delivered interpretation and the accounting of how it was made."""

    summary: str  # one or two sentences
    text: str  # the readable interpretation
    archetypes: list[str] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)  # symbol keys the text relies on
    mood: str = "neutral"
    confidence: float = 0.0  # 0..1, calibrated by the quality checks
    model_used: str = "offline"
    tokens_used: int = 0
    cost_usd: float = 0.0
    latency_ms: int = 0
    sources: list[str] = field(default_factory=list)  # e.g. ["hvdc", "symbols", "lunar"]
    #: The LLM cache entry this answer is kept under (erased with the account); None if none.
    cache_key: str | None = None


class Interpreter(Protocol):
    """One link of the interpretation chain."""

    name: str

    async def interpret(self, context: DreamContext) -> Interpretation:
        """Interpret the dream, or raise an error of the link's package to fall to the next."""
        ...
