"""The chain's deadline bounds the whole wait for an interpretation, the dream's embedding
included. Regression: a user waited 85 s — two 20 s embedding tries before the 45 s chain
deadline even started."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import cast

import numpy as np
import pytest

from core.analysis.hvdc import Coding
from core.analysis.hvdc.llm import PlanCoder
from core.db.models import Dream, User
from core.dreams.analyzer import Analyzer
from core.dreams.report import Stage
from core.interpret.types import DreamContext, Interpretation
from tests.dbutil import initialised_db

TEXT = "I was swimming in dark water near my old school and a dog followed me."
DEADLINE_S = 1.5


@pytest.fixture
async def dream() -> AsyncIterator[Dream]:
    async with initialised_db("sqlite"):
        user = await User.create(telegram_id=6)
        yield await Dream.create(user=user, text=TEXT)


class StalledEmbedder:
    name = "stalled"

    async def embed(self, texts: list[str]) -> np.ndarray:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")


class DeadlineReader:
    """Answers at once, noting how much of the deadline was left when it was asked."""

    left_s: float | None = None

    async def interpret(self, context: DreamContext) -> Interpretation:
        assert context.deadline_at is not None
        self.left_s = context.deadline_at - time.perf_counter()
        return Interpretation(summary="s", text="t")


async def _no_progress(stage: Stage) -> None:
    return None


async def test_a_stalled_embedding_spends_only_its_share_of_the_deadline(dream: Dream) -> None:
    interpreter = DeadlineReader()
    analyzer = Analyzer(interpreter=interpreter, embedder=StalledEmbedder(), deadline_s=DEADLINE_S)
    started = time.perf_counter()

    result = await asyncio.wait_for(
        analyzer.analyze(await dream.user, dream, _no_progress), timeout=30
    )

    assert result.interpretation.text == "t"
    assert time.perf_counter() - started < DEADLINE_S + 5  # generous: a shared, busy host
    assert interpreter.left_s is not None
    # The chain is told what is left of the one deadline, not a fresh one of its own.
    assert interpreter.left_s <= DEADLINE_S * (1 - analyzer.embed_share) + 0.05


class StalledCoder:
    """An LLM HVdC coder that never answers (a provider hanging past its own timeout)."""

    async def code(self, text: str, language: str, plan: str) -> Coding:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        return None


async def test_a_stalled_llm_coder_spends_only_its_share_and_the_rules_code_the_dream(
    dream: Dream,
) -> None:
    interpreter = DeadlineReader()
    analyzer = Analyzer(
        interpreter=interpreter,
        deadline_s=DEADLINE_S,
        hvdc=cast(PlanCoder, StalledCoder()),
    )

    result = await asyncio.wait_for(
        analyzer.analyze(await dream.user, dream, _no_progress), timeout=30
    )

    assert result.context.coding.supported and result.context.coding.codes, "the rules coded it"
    assert interpreter.left_s is not None
    assert interpreter.left_s <= DEADLINE_S * (1 - analyzer.coding_share) + 0.05
