"""Fixtures of the LLM tests: the fake provider server, settings pointing at it, a stand-in for
the offline interpreter, and dream contexts with planted personal data."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from pydantic import SecretStr

from core.analysis.hvdc.types import Code, Coding
from core.cache import MemoryCache
from core.interpret.types import DreamContext, Interpretation
from core.llm import (
    Counter,
    InterpretationChain,
    KeyValueStore,
    LLMMetrics,
    LLMSettings,
    MemoryCounter,
    build_chain,
)
from core.llm.retry import no_sleep
from tests.fakes.llm_server import FakeLLMServer

#: Personal data planted in the dream; none of it may reach a provider.
PLANTED_PII = (
    "Anna Petrova",
    "anna.petrova@example.com",
    "+1 (555) 123-4567",
    "https://anna-dreams.example.org/diary",
    "221B Baker Street",
)
PII_FRAGMENTS = ("Anna", "Petrova", "anna.petrova", "555", "123-4567", "anna-dreams", "Baker")

DREAM_EN = (
    "I was walking with Anna Petrova along dark water, looking for the way home. She wrote her "
    "e-mail anna.petrova@example.com on my hand and told me to call +1 (555) 123-4567. "
    "Then a sign pointed to https://anna-dreams.example.org/diary and to 221B Baker Street, "
    "but the water kept rising and I felt afraid."
)
DREAM_RU = (
    "Мне снилось, что я шла с Машей вдоль тёмной воды и искала дорогу домой. Вода поднималась, "
    "и мне было страшно, но потом я увидела свет в окне."
)


@dataclass
class StubOffline:
    """Stands in for ``core.interpret.offline.OfflineInterpreter``; counts its calls."""

    name: str = "offline"
    calls: int = 0
    error: Exception | None = None
    seen: list[DreamContext] = field(default_factory=list)

    async def interpret(self, context: DreamContext) -> Interpretation:
        self.calls += 1
        self.seen.append(context)
        if self.error is not None:
            raise self.error
        return Interpretation(
            summary="Offline summary.", text="Offline interpretation.", confidence=0.4
        )


def dream_context(text: str = DREAM_EN, **overrides: Any) -> DreamContext:
    """A context like the analysis pipeline builds, with one HVdC code and a free-plan user."""
    coding = Coding(
        [Code("emotions", "AP, D", (0, 0), "afraid")], language=overrides.get("locale", "en")
    )
    values: dict[str, Any] = {
        "locale": "en",
        "coding": coding,
        "user_key": "user-1",
        "plan": "free",
    }
    values.update(overrides)
    return DreamContext(text=text, **values)


@pytest.fixture
async def fake_llm() -> AsyncIterator[FakeLLMServer]:
    async with FakeLLMServer() as server:
        yield server


@pytest.fixture
def llm_settings(fake_llm: FakeLLMServer) -> LLMSettings:
    """Both providers on the fake; a 0.2 s timeout so a stall costs little wall time."""
    return LLMSettings(
        openai_api_key=SecretStr("sk-test-openai"),
        openai_base_url=fake_llm.openai_base_url,
        anthropic_api_key=SecretStr("sk-ant-test"),
        anthropic_base_url=fake_llm.anthropic_base_url,
        request_timeout_s=0.2,
        connect_timeout_s=0.2,
        max_attempts=1,
        retry_base_delay_s=0.0,
    )


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


ChainFactory = Callable[..., InterpretationChain]


@pytest.fixture
async def make_chain(llm_settings: LLMSettings) -> AsyncIterator[ChainFactory]:
    """Builds chains on the fake server with in-memory stores; closes their clients afterwards."""
    built: list[InterpretationChain] = []

    def factory(
        settings: LLMSettings | None = None,
        *,
        offline: StubOffline | None = None,
        counter: Counter | None = None,
        cache: KeyValueStore | None = None,
        clock: FakeClock | None = None,
        **changes: Any,
    ) -> InterpretationChain:
        base = settings or llm_settings
        chain = build_chain(
            base.model_copy(update=changes) if changes else base,
            offline or StubOffline(),
            counter or MemoryCounter(),
            cache or MemoryCache(),
            metrics=LLMMetrics(),
            sleep=no_sleep,
            clock=clock or FakeClock(),
        )
        built.append(chain)
        return chain

    yield factory
    for chain in built:
        await chain.aclose()
