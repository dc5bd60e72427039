"""Builds a dream's context (HVdC coding, symbols, mood, lunar night, similar past dreams) and
asks the interpretation chain for a reading. Pure orchestration over injected parts."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np

from core.analysis.highlights import highlights
from core.analysis.hvdc import Coding, code_dream
from core.analysis.hvdc.llm import PlanCoder
from core.analysis.mood import dream_mood
from core.analysis.symbols import find_symbols
from core.analysis.symbols.salience import rank_by_salience
from core.db.models import Dream, User
from core.dreams.report import Stage
from core.embeddings import (
    Embedder,
    EmbeddingError,
    recurring_symbols,
    save_embedding,
    similar_dreams,
)
from core.interpret.types import (
    DreamContext,
    Interpretation,
    Interpreter,
    LunarContext,
    SimilarDream,
    SymbolHit,
)
from core.llm.errors import LLMError

log = logging.getLogger(__name__)

#: The lunar context of a dream's night: (told at, user, the night the user chose or None).
LunarLookup = Callable[[datetime, User, date | None], LunarContext | None]
Progress = Callable[[Stage], Awaitable[None]]
#: The caller's own write, run while the interpreter waits (e.g. marking the dream analysing).
Alongside = Callable[[], Awaitable[None]]


@dataclass(slots=True)
class AnalysisResult:
    context: DreamContext
    interpretation: Interpretation


def pseudonymous_key(user: User) -> str:
    """A stable key for budgets and caches that does not reveal the user's Telegram id."""
    return hashlib.sha256(f"oneiroscope-user:{user.id}".encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the dream text itself says, before any memory or interpretation."""

    coding: Coding
    symbols: tuple[SymbolHit, ...]
    highlights: tuple[str, ...]
    mood: str


def read_dream(text: str, language: str, locale: str, coding: Coding | None = None) -> Reading:
    """HVdC coding (the rules' unless one is given), grounded symbols, highlights and mood of
    one dream (pure, fast)."""
    coding = coding or code_dream(text, lang=language)
    # Coded in the dream's language, glossed in the user's: both languages' forms are searched.
    symbols = tuple(rank_by_salience(find_symbols(text, locale), coding))
    return Reading(
        coding=coding,
        symbols=symbols,
        highlights=tuple(highlights(coding, locale)),
        mood=dream_mood(coding, text, symbols),
    )


#: The plan a dream is analysed under until billing tells the analyzer a user's plan.
DEFAULT_PLAN = "free"


@dataclass(slots=True)
class Analyzer:
    interpreter: Interpreter
    embedder: Embedder | None = None
    lunar: LunarLookup | None = None
    similar_limit: int = 3
    #: The whole wait for an interpretation (``LLM_CHAIN_DEADLINE_S``): embeddings included.
    deadline_s: float = 45.0
    #: At most this share of the deadline goes to the dream's embedding (a bonus: similar dreams).
    embed_share: float = 1 / 3
    #: At most this share of the deadline goes to HVdC coding by an LLM (the rules are instant).
    coding_share: float = 1 / 3
    #: HVdC coding by an LLM for the plans that get one (``HVDC_CODER``); None: the rules.
    hvdc: PlanCoder | None = None

    async def analyze(
        self, user: User, dream: Dream, progress: Progress, alongside: Alongside | None = None
    ) -> AnalysisResult:
        """``alongside`` (the caller's write) is sent once the text is read, before the
        interpreter is asked; it has landed when this returns or raises."""
        locale = user.language
        deadline_at = time.perf_counter() + self.deadline_s
        await progress(Stage.READING)
        coding = await self._llm_coding(dream)
        reading = read_dream(dream.text, dream.language, locale, coding)
        await progress(Stage.CONTEXT)
        lunar = self._lunar_context(dream, user)
        budget_s = min(self.deadline_s * self.embed_share, deadline_at - time.perf_counter())
        vector = await self._embed(dream.text, max(budget_s, 0.0))
        writes = asyncio.ensure_future(self._writes(dream, vector, alongside))
        try:
            similar, recurring = await self._memory(
                user, dream, [s.key for s in reading.symbols], vector
            )
            context = DreamContext(
                text=dream.text,
                locale=locale,
                coding=reading.coding,
                highlights=reading.highlights,
                symbols=reading.symbols,
                mood=reading.mood,
                lunar=lunar,
                similar=tuple(similar),
                recurring_symbols=tuple(recurring),
                user_key=pseudonymous_key(user),
                deadline_at=deadline_at,
            )
            await progress(Stage.INTERPRETING)
            interpretation = await self.interpreter.interpret(context)
        except BaseException:
            # The writes settle before anything is raised: none lands after the caller has
            # marked the dream failed.
            await asyncio.wait([writes])
            if not writes.cancelled() and writes.exception() is not None:
                log.warning("a dream's write failed too: %s", writes.exception())
            raise
        await writes  # they ran during the reads and the LLM's answer; a failure fails it
        return AnalysisResult(context=context, interpretation=interpretation)

    async def aclose(self) -> None:
        """Close the network clients (LLM SDKs, embeddings) of the interpreter and embedder."""
        for part in (self.interpreter, self.embedder, self.hvdc):
            close = getattr(part, "aclose", None)
            if close is not None:
                await close()

    def _lunar_context(self, dream: Dream, user: User) -> LunarContext | None:
        if self.lunar is None:
            return None
        return self.lunar(dream.created_at, user, dream.dreamt_on)

    async def _memory(
        self, user: User, dream: Dream, symbol_keys: list[str], vector: np.ndarray | None
    ) -> tuple[list[SimilarDream], list[str]]:
        """Similar past dreams (by embedding) and symbols that keep coming back: two reads sent
        together, each on a pooled connection (one wait instead of two)."""
        reads: list[Awaitable[Any]] = [
            recurring_symbols(user.id, symbol_keys, exclude_dream_id=dream.id)
        ]
        if vector is not None and self.embedder is not None:
            reads.append(
                similar_dreams(
                    user.id,
                    vector,
                    self.similar_limit,
                    exclude_dream_id=dream.id,
                    model=self.embedder.name,
                )
            )
        recurring, *similar = await _all_settled(reads)
        return (similar[0] if similar else []), recurring

    async def _writes(
        self, dream: Dream, vector: np.ndarray | None, alongside: Alongside | None
    ) -> None:
        """The caller's write and the dream's vector. Nothing the interpreter needs waits for
        them, so they run during the reads and the LLM's answer instead of before it; both
        settle before a failure of either is raised."""
        writes: list[Awaitable[None]] = [alongside()] if alongside is not None else []
        if vector is not None and self.embedder is not None:
            writes.append(save_embedding(dream, vector, self.embedder.name))
        await _all_settled(writes)

    async def _llm_coding(self, dream: Dream) -> Coding | None:
        """The LLM's HVdC codes when the plan gets them, within its share of the deadline;
        None (the rules code the dream) past it — the coder itself falls back on any failure."""
        if self.hvdc is None:
            return None
        budget_s = self.deadline_s * self.coding_share
        try:
            async with asyncio.timeout(budget_s):
                return await self.hvdc.code(dream.text, dream.language, DEFAULT_PLAN)
        except TimeoutError:
            log.warning("HVdC coding by LLM: no answer within %.1f s; the rules code it", budget_s)
            return None

    async def _embed(self, text: str, budget_s: float) -> np.ndarray | None:
        if self.embedder is None:
            return None
        try:
            async with asyncio.timeout(budget_s):
                vectors = await self.embedder.embed([text])
        except (EmbeddingError, LLMError) as exc:
            # Similar dreams are a bonus: without them the analysis still goes out.
            log.warning("dream not embedded: %s", exc)
            return None
        except TimeoutError:
            log.warning("dream not embedded: no vector within %.1f s", budget_s)
            return None
        vector: np.ndarray = vectors[0]
        return vector


async def _all_settled(awaitables: list[Awaitable[Any]]) -> list[Any]:
    """Run together; once every one has finished, raise the first failure or return results."""
    results = await asyncio.gather(*awaitables, return_exceptions=True)
    failure = next((r for r in results if isinstance(r, BaseException)), None)
    if failure is not None:
        raise failure
    return results
