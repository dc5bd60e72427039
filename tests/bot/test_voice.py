"""Voice notes end to end through the real bot and the fake Bot API: in → progress →
transcript with buttons → the user's answer → the normal analysis, charged once, or nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.asr import Transcriber
from core.db.models import Dream, DreamAnalysis, DreamSource, DreamStatus, Transaction, User
from tests import services
from tests.bot.harness import Product, button, running_product
from tests.fakes.telegram import Call

CHAT = 4014
HEARD = "Here is what I heard"


def is_result(call: Call) -> bool:
    return call.method == "sendMessage" and "Interpreted by" in call.params.get("text", "")


def is_transcript(call: Call) -> bool:
    return call.method == "sendMessage" and HEARD in call.params.get("text", "")


@pytest.fixture
def clip(shared_dir: Path) -> bytes:
    """Festival's "Last night I saw my grandmother standing in a garden full of roses."."""
    return (shared_dir / "data" / "asr" / "ef02.ogg").read_bytes()


@pytest.fixture(params=["embedded", "redis"])
async def product(
    request: pytest.FixtureRequest, tmp_path: Path, tiny_en: Transcriber
) -> AsyncIterator[Product]:
    redis_url = services.redis_url() if request.param == "redis" else None
    async with running_product(tmp_path, redis_url, transcriber=tiny_en) as running:
        yield running


async def transcript_of(product: Product, clip: bytes, file_id: str = "voice-1") -> Call:
    mark = product.tg.mark()
    product.tg.push_voice(CHAT, file_id, 4, data=clip)
    return await product.tg.wait_for("sendMessage", is_transcript, timeout=60, after=mark)


async def press(product: Product, call: Call, label: str) -> int:
    mark = product.tg.mark()
    product.tg.push_callback(CHAT, call.result["message_id"], button(call, label))
    return mark


async def test_a_new_users_voice_note_is_transcribed_confirmed_and_analysed_free(
    product: Product, clip: bytes
) -> None:
    tg = product.tg
    transcript = await transcript_of(product, clip)

    assert "grandmother" in transcript.params["text"].lower()
    labels = [
        b["text"] for row in transcript.params["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert labels == ["🔮 Analyse", "✏️ Edit", "✖ Cancel"]
    assert tg.calls("sendChatAction"), "the user sees the bot at work while it listens"
    edits = [c.params["text"] for c in tg.calls("editMessageText")]
    assert any("% done" in text for text in edits), edits
    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    assert (dream.source, dream.status) == (DreamSource.VOICE, DreamStatus.AWAITING_CONFIRMATION)
    assert (dream.audio_ref, dream.audio_seconds) == ("voice-1", 4)
    assert "grandmother" in dream.text.lower()
    assert await Transaction.filter(user_id=user.id).count() == 0, "nothing charged yet"

    mark = await press(product, transcript, "🔮 Analyse")
    await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await product.analyses_settled(CHAT)

    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    assert dream.status == DreamStatus.ANALYZED
    assert await DreamAnalysis.filter(dream_id=dream.id).count() == 1
    assert user.free_dream_used is True
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_a_user_with_one_credit_is_charged_once(product: Product, clip: bytes) -> None:
    tg = product.tg
    mark = tg.mark()
    tg.push_command(CHAT, "start")
    await tg.wait_for("sendMessage", after=mark)
    await User.filter(telegram_id=CHAT).update(free_dream_used=True, dream_balance=1)

    transcript = await transcript_of(product, clip)
    mark = await press(product, transcript, "🔮 Analyse")
    await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await product.analyses_settled(CHAT)

    user = await User.get(telegram_id=CHAT)
    assert user.dream_balance == 0
    assert await Transaction.filter(user_id=user.id).count() == 1


async def test_edit_analyses_the_corrected_text_instead(product: Product, clip: bytes) -> None:
    tg = product.tg
    corrected = (
        "Last night I saw my grandfather standing in a garden full of snakes, and I was "
        "afraid to walk past him to the house."
    )
    transcript = await transcript_of(product, clip)
    mark = await press(product, transcript, "✏️ Edit")
    await tg.wait_for("sendMessage", lambda c: "corrected text" in c.params["text"], after=mark)

    mark = tg.mark()
    tg.push_message(CHAT, corrected)
    result = await tg.wait_for("sendMessage", is_result, timeout=60, after=mark)
    await product.analyses_settled(CHAT)

    user = await User.get(telegram_id=CHAT)
    dream = await Dream.get(user_id=user.id)
    assert dream.text == corrected
    assert "snake" in result.params["text"].lower()
    assert await Dream.filter(user_id=user.id).count() == 1, "the correction is not a new dream"


async def test_cancel_deletes_the_transcript_and_charges_nothing(
    product: Product, clip: bytes
) -> None:
    tg = product.tg
    transcript = await transcript_of(product, clip)
    mark = await press(product, transcript, "✖ Cancel")
    await tg.wait_for("editMessageText", lambda c: "Cancelled" in c.params["text"], after=mark)

    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id).count() == 0
    assert await Transaction.filter(user_id=user.id).count() == 0
    assert user.free_dream_used is False

    mark = await press(product, transcript, "🔮 Analyse")  # the old button, pressed later
    await tg.wait_for(
        "answerCallbackQuery", lambda c: "no longer active" in c.params.get("text", ""), after=mark
    )
