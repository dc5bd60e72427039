"""Steps shared by the scenarios: tell the bot a dream, read back what the database holds."""

from __future__ import annotations

from dataclasses import dataclass

from core.db.models import Dream, DreamAnalysis, DreamStatus, Transaction, TransactionKind, User
from tests.bot.harness import Product
from tests.fakes.llm_server import FakeLLMServer
from tests.fakes.telegram_state import Call

RESULT_TIMEOUT_S = 30.0


def is_result(call: Call) -> bool:
    """The message carrying the analysis (its footer names the interpreter)."""
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


async def tell_dream(product: Product, chat_id: int, text: str) -> str:
    """Send ``text`` as a message and return the analysis the user receives, once settled."""
    tg = product.tg
    mark = tg.mark()
    tg.push_message(chat_id, text)
    result = await tg.wait_for("sendMessage", is_result, timeout=RESULT_TIMEOUT_S, after=mark)
    await product.analyses_settled(chat_id)
    return str(result.params["text"])


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the database says about one user's single analysed dream."""

    dream: Dream
    analysis: DreamAnalysis
    consumes: int
    free_dream_used: bool


async def outcome_of(chat_id: int) -> Outcome:
    user = await User.get(telegram_id=chat_id)
    dream = await Dream.get(user_id=user.id)
    return Outcome(
        dream=dream,
        analysis=await DreamAnalysis.get(dream_id=dream.id),
        consumes=await Transaction.filter(user_id=user.id, kind=TransactionKind.CONSUME).count(),
        free_dream_used=user.free_dream_used,
    )


def assert_delivered_and_paid_once(outcome: Outcome) -> None:
    assert outcome.dream.status == DreamStatus.ANALYZED
    assert outcome.consumes == 1
    assert outcome.free_dream_used is True


def leaked_fragments(server: FakeLLMServer, fragments: tuple[str, ...]) -> list[str]:
    """``path: fragment`` for every planted fragment found in any request the fake received."""
    return [
        f"{request.path}: {fragment!r}"
        for request in server.requests
        for fragment in fragments
        if fragment in request.raw
    ]
