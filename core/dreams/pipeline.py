"""The analysis job: claim → reservation → analysis → save → deliver → consume exactly once.

The job first claims the dream (``core.dreams.claims``), so two jobs for one dream never both
analyse it. The dream's credit is normally reserved when it is accepted (``core.billing.credits``);
the job reserves only for a dream that arrives without one (re-queued, "analyse" pressed later).
Idempotent by dream: a retried job re-delivers the saved analysis instead of analysing again, and
the consume is keyed by the dream, so no retry or redelivery charges twice. A failure before
delivery releases the reservation (nothing charged) and keeps the dream (status ``failed``) for a
retry — except a database that is away for a moment: that job is retried with backoff
(:class:`RetryJob`), the user's status message still says "analysing", and the sweeper finishes
it if retries run out.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import asdict, dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from core.billing.credits import (
    Balance,
    ConsumeOutcome,
    ReserveOutcome,
    balance_of,
    consume_for_dream,
    release_for_dream,
    reserve_for_dream,
)
from core.db.errors import is_transient
from core.db.models import Dream, DreamAnalysis, DreamSource, DreamStatus, User
from core.dreams.analyzer import AnalysisResult, Analyzer
from core.dreams.claims import Claim, claim_dream
from core.dreams.journal_changes import journal_changed
from core.dreams.queries import dream_with_user, mark, save_analysis
from core.dreams.report import Delivery, FailureReason, Notifier, Stage
from core.dreams.stored import report_from_row, row_values
from core.metrics import METRICS

log = logging.getLogger(__name__)


class AnalysisOutcome:
    DELIVERED = "delivered"
    NO_CREDIT = "no_credit"
    FAILED = "failed"
    GONE = "gone"
    HELD = "held"  # another job is analysing the dream; it resolves the status message
    SKIPPED = "skipped"  # a swept job for a dream that is no longer stuck
    #: A voice dream with no transcript yet: it is transcribed and confirmed before analysis.
    NOT_TRANSCRIBED = "not_transcribed"


@dataclass(frozen=True, slots=True)
class JobTicket:
    """Who runs this analysis: the job's key (its claim on the dream), how long a claim holds
    without news, and whether the sweeper queued it (then it may only finish a stuck dream)."""

    job_key: str
    lease_s: float
    swept: bool = False


def balance_after_consume(balance: Balance) -> Balance:
    """What the user will have once this analysis is paid (shown with the result)."""
    if balance.free_dream_available:
        return Balance(free_dream_available=False, credits=balance.credits)
    return Balance(free_dream_available=False, credits=max(0, balance.credits - 1))


async def run_analysis(
    analyzer: Analyzer,
    notifier: Notifier,
    dream_id: uuid.UUID,
    delivery: Delivery,
    ticket: JobTicket,
) -> str:
    dream = await dream_with_user(dream_id)
    if dream is None:
        return AnalysisOutcome.GONE  # deleted by the user meanwhile
    if dream.source == DreamSource.VOICE and not dream.text:
        return AnalysisOutcome.NOT_TRANSCRIBED
    claim = await claim_dream(dream, ticket.job_key, lease_s=ticket.lease_s, swept=ticket.swept)
    if claim is Claim.SKIPPED:
        return AnalysisOutcome.SKIPPED
    if claim is Claim.HELD:
        if delivery.status_message_id != dream.status_message_id:
            await notifier.fail(delivery, FailureReason.IN_PROGRESS)  # a second request's message
        return AnalysisOutcome.HELD
    user: User = dream.user
    balance = balance_of(user)  # loaded after the reservation at submission: it counts it
    row = await _saved_analysis(dream) if claim in (Claim.RESUMED, Claim.DONE) else None
    if row is None:
        reserved = await reserve_for_dream(user.id, dream.id)
        if reserved is ReserveOutcome.NO_CREDIT:
            await mark(dream, DreamStatus.WAITING_FOR_CREDIT)
            await notifier.fail(delivery, FailureReason.NO_CREDIT)
            return AnalysisOutcome.NO_CREDIT
        if reserved is not ReserveOutcome.ALREADY:
            balance = balance_after_consume(balance)
        row = await _analyse_and_save(analyzer, notifier, user, dream, delivery)
        if row is None:
            return AnalysisOutcome.FAILED
    report = report_from_row(row, dream, balance)
    await notifier.deliver(delivery, report)  # raises on a transport failure: retried, unpaid

    async def mark_analyzed(conn: BaseDBAsyncClient) -> None:
        await mark(dream, DreamStatus.ANALYZED, conn)

    # Marked analysed in the consume's own transaction: one transaction for both.
    outcome = await consume_for_dream(user.id, dream.id, alongside=mark_analyzed)
    await journal_changed(user.id)  # the status, committed with the consume
    if outcome is ConsumeOutcome.NO_CREDIT:
        # Only a dream analysed before reservations existed (an old saved analysis) gets here.
        log.warning("analysis delivered without a reservation to consume")
    METRICS.inc("dreams_analyzed_total", model=row.model_used.split(":", 1)[0])
    return AnalysisOutcome.DELIVERED


async def _saved_analysis(dream: Dream) -> DreamAnalysis | None:
    """The analysis saved by an earlier try (this job's, or a dead job's), if any.

    Asked only when the claim took the dream back from ``analyzing`` or found it analysed: one
    is saved only after the dream was claimed, and no path moves a dream with an analysis back to
    ``queued`` or ``failed``, so a fresh claim (every first try) skips the query.
    """
    return await DreamAnalysis.filter(dream_id=dream.id).first()


async def _analyse_and_save(
    analyzer: Analyzer, notifier: Notifier, user: User, dream: Dream, delivery: Delivery
) -> DreamAnalysis | None:
    async def progress(stage: Stage) -> None:
        await notifier.progress(delivery, stage)

    started = time.perf_counter()
    try:
        # The claim marked the dream analysing already: nothing to write alongside.
        result: AnalysisResult = await analyzer.analyze(user, dream, progress)
    except Exception as exc:
        if is_transient(exc):
            raise  # the database is away: the job is retried, the dream stays analysing
        # Whatever else broke, the user hears it and keeps the dream; nothing is charged.
        log.exception("analysis of a dream failed")
        METRICS.inc("dream_analysis_failures_total")
        await release_for_dream(dream.id)
        await mark(dream, DreamStatus.FAILED)
        await notifier.fail(delivery, FailureReason.ERROR)
        return None
    METRICS.observe("dream_analysis_seconds", time.perf_counter() - started)
    return await save_analysis(dream, row_values(result))


def delivery_to_job(delivery: Delivery) -> dict[str, object]:
    """Job arguments are plain data (arq pickles them; a dict survives version changes)."""
    return asdict(delivery)


def delivery_from_job(data: dict[str, object]) -> Delivery:
    status_message_id = data.get("status_message_id")
    return Delivery(
        chat_id=int(str(data["chat_id"])),
        status_message_id=int(str(status_message_id)) if status_message_id is not None else None,
        locale=str(data.get("locale") or "en"),
    )
