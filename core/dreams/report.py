"""What the user is shown after an analysis, and how the job reports progress to them.

``Notifier`` is implemented by each transport (the bot edits its status message and sends the
result); the pipeline only calls it, so it runs the same in-process and in an arq worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from core.billing.credits import Balance
from core.interpret.types import LunarContext, SimilarDream, SymbolHit

log = logging.getLogger(__name__)


class Stage(StrEnum):
    READING = "reading"  # HVdC coding and symbols
    CONTEXT = "context"  # lunar night, similar past dreams
    INTERPRETING = "interpreting"


class FailureReason(StrEnum):
    ERROR = "error"  # our fault: nothing charged, the dream is kept and can be retried
    NO_CREDIT = "no_credit"  # saved to the journal, analysed once the user has a credit
    IN_PROGRESS = "in_progress"  # asked again while an analysis of the dream is running


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where the result goes: plain data, so it survives the trip through a job queue."""

    chat_id: int
    status_message_id: int | None
    locale: str


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    dream_id: str
    summary: str
    interpretation: str
    highlights: tuple[str, ...]
    symbols: tuple[SymbolHit, ...]
    archetypes: tuple[str, ...]  # archetype keys
    mood: str
    lunar: LunarContext | None
    lunar_effect: str
    similar: tuple[SimilarDream, ...]
    confidence: float
    model_used: str
    balance: Balance


class Notifier(Protocol):
    async def progress(self, delivery: Delivery, stage: Stage) -> None: ...

    async def deliver(self, delivery: Delivery, report: AnalysisReport) -> None: ...

    async def fail(self, delivery: Delivery, reason: FailureReason) -> None: ...


class JournalOnlyNotifier:
    """The notifier of a deployment without a transport to reply through (no ``BOT_TOKEN``):
    the analysis is stored in the journal as always, and nobody is messaged."""

    async def progress(self, delivery: Delivery, stage: Stage) -> None:
        return None

    async def deliver(self, delivery: Delivery, report: AnalysisReport) -> None:
        log.info("analysis %s kept in the journal (no bot to deliver it)", report.dream_id)

    async def fail(self, delivery: Delivery, reason: FailureReason) -> None:
        log.info("analysis not delivered (%s): no bot configured", reason.value)
