"""The analyzer's writes (the caller's status mark, the dream's vector) run while the interpreter
waits, and have always landed when ``analyze`` returns or raises."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from core.db.models import Dream, DreamEmbedding, User
from core.dreams.analyzer import Analyzer
from core.dreams.report import Stage
from core.embeddings import HashingEmbedder
from core.interpret.types import DreamContext, Interpretation
from tests.dbutil import initialised_db

TEXT = "I was swimming in dark water near my old school and a dog followed me."


@pytest.fixture
async def dream() -> AsyncIterator[Dream]:
    async with initialised_db("sqlite"):
        user = await User.create(telegram_id=5)
        yield await Dream.create(user=user, text=TEXT)


class Interpreter:
    """Notes that it was asked, answers once ``go`` is set (at once when it is None), or fails."""

    def __init__(self, go: asyncio.Event | None = None, fail: bool = False) -> None:
        self.go, self.fail = go, fail
        self.asked = asyncio.Event()

    async def interpret(self, context: DreamContext) -> Interpretation:
        self.asked.set()
        if self.go is not None:
            await self.go.wait()
        if self.fail:
            raise RuntimeError("the interpreter broke")
        return Interpretation(summary="s", text="t")


async def _no_progress(stage: Stage) -> None:
    return None


def _analyzer(interpreter: Interpreter) -> Analyzer:
    return Analyzer(interpreter=interpreter, embedder=HashingEmbedder())


async def test_the_callers_write_runs_while_the_interpreter_waits(dream: Dream) -> None:
    marked = asyncio.Event()
    interpreter = Interpreter(go=marked)

    async def mark() -> None:
        # Finishes only once the interpreter was asked, which answers only after this:
        # writes awaited before asking would never finish.
        await interpreter.asked.wait()
        marked.set()

    result = await asyncio.wait_for(
        _analyzer(interpreter).analyze(await dream.user, dream, _no_progress, mark), timeout=10
    )

    assert result.interpretation.text == "t"
    assert await DreamEmbedding.exists(dream_id=dream.id)


async def test_a_failing_interpreter_raises_only_after_the_writes_have_landed(
    dream: Dream,
) -> None:
    landed: list[bool] = []

    async def slow_mark() -> None:
        for _ in range(20):  # still writing when the interpreter has already failed
            await asyncio.sleep(0)
        landed.append(True)

    with pytest.raises(RuntimeError, match="interpreter broke"):
        await _analyzer(Interpreter(fail=True)).analyze(
            await dream.user, dream, _no_progress, slow_mark
        )

    assert landed == [True]
    assert await DreamEmbedding.exists(dream_id=dream.id)


async def test_a_failed_write_fails_the_analysis_even_with_an_answer(dream: Dream) -> None:
    async def broken_mark() -> None:
        raise ConnectionError("database went away")

    with pytest.raises(ConnectionError):
        await _analyzer(Interpreter()).analyze(await dream.user, dream, _no_progress, broken_mark)
