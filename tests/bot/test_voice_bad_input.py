"""Voice notes we cannot use get a clear answer each; nothing is charged or kept, and the
worker goes on transcribing the next note."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.asr import AsrSettings, EngineUnavailable, Transcriber
from core.asr.types import SpeechEngine
from core.asr.weights import ModelLocation
from core.db.models import AudioUsage, Dream, Transaction, User
from tests.asr_models import asr_settings, require_ffmpeg
from tests.bot.harness import Product, running_product

CHAT = 4015


def ffmpeg(tmp_path: Path, name: str, *args: str) -> bytes:
    require_ffmpeg()
    out = tmp_path / name
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args, str(out)], check=True
    )
    return out.read_bytes()


@pytest.fixture
async def product(tmp_path: Path, tiny_en: Transcriber) -> AsyncIterator[Product]:
    # Six notes in a row: these tests are about the answers, not the rate limit.
    limits = {"THROTTLE_BURST": 50, "THROTTLE_RATE": 50.0}
    async with running_product(tmp_path, transcriber=tiny_en, **limits) as running:
        yield running


async def reply_to(
    product: Product, file_id: str, duration: int, data: bytes, video_note: bool = False
) -> str:
    """The bot's last word on a recording: its status message's final text, or its reply."""
    tg = product.tg
    mark = tg.mark()
    if video_note:
        stored = tg.world.files.register(file_id, data, f"video_notes/{file_id}.mp4")
        note = {"file_id": file_id, "file_unique_id": stored.file_unique_id, "length": 240}
        tg.push_message(CHAT, video_note={**note, "duration": duration})
    else:
        tg.push_voice(CHAT, file_id, duration, data=data)
    first = await tg.wait_for("sendMessage", after=mark, timeout=30)
    if "Listening" not in first.params["text"]:
        return str(first.params["text"])  # refused before anything was stored
    final = await tg.wait_for(
        "editMessageText",
        lambda c: "Listening" not in c.params["text"] and "% done" not in c.params["text"],
        after=mark,
        timeout=60,
    )
    if "transcribed" in final.params["text"]:  # the transcript follows its status edit
        await tg.wait_for(
            "sendMessage", lambda c: "Here is what I heard" in c.params["text"], after=mark
        )
    return str(final.params["text"])


async def assert_nothing_kept_or_charged() -> None:
    user = await User.get(telegram_id=CHAT)
    assert await Dream.filter(user_id=user.id).count() == 0
    assert await Transaction.filter(user_id=user.id).count() == 0
    assert user.free_dream_used is False


async def test_silence_empty_corrupt_long_and_unsupported_notes_each_get_a_clear_answer(
    product: Product, tmp_path: Path, shared_dir: Path
) -> None:
    silence = ffmpeg(
        tmp_path, "silence.ogg", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "3",
        "-c:a", "libopus", "-b:a", "32k",
    )  # fmt: skip
    mute_video = ffmpeg(
        tmp_path, "mute.mp4", "-f", "lavfi", "-i", "color=c=black:s=240x240:d=2",
        "-c:v", "libx264", "-pix_fmt", "yuv420p",
    )  # fmt: skip
    corrupt = b"OggS\x00\x02" + bytes(range(256)) * 30
    cases = [
        ("I couldn't hear anything", "silent", 3, silence, False),
        ("This file is empty", "empty", 1, b"", False),
        ("couldn't read this file", "corrupt", 5, corrupt, False),
        ("too long for me", "two-hours", 7200, silence, False),
        ("can't play this audio format", "mute", 2, mute_video, True),
    ]
    for expected, file_id, duration, data, video_note in cases:
        answer = await reply_to(product, file_id, duration, data, video_note)
        assert expected in answer, (file_id, answer)
        await assert_nothing_kept_or_charged()
    got_two_hours = [c for c in product.tg.calls("getFile") if c.params["file_id"] == "two-hours"]
    assert not got_two_hours, "a two-hour note is refused on its declared length, not fetched"

    clip = (shared_dir / "data" / "asr" / "ef05.ogg").read_bytes()
    answer = await reply_to(product, "good", 3, clip)
    assert "transcribed" in answer, "the worker still transcribes after the bad notes"


async def test_a_model_that_fails_to_load_gets_an_apology_and_charges_nothing(
    tmp_path: Path, asr_cache: Path
) -> None:
    require_ffmpeg()

    def broken(location: ModelLocation, settings: AsrSettings) -> SpeechEngine:
        raise EngineUnavailable(f"{location.name}: model.bin is truncated")

    transcriber = Transcriber(asr_settings("tiny.en", asr_cache), load_whisper=broken)
    clip = ffmpeg(
        tmp_path, "tone.ogg", "-f", "lavfi", "-i", "sine=frequency=300:duration=2",
        "-c:a", "libopus",
    )  # fmt: skip
    async with running_product(tmp_path, transcriber=transcriber) as product:
        answer = await reply_to(product, "any", 2, clip)
        assert "unavailable right now" in answer and "Nothing was charged" in answer
        await assert_nothing_kept_or_charged()
        user = await User.get(telegram_id=CHAT)
        assert await AudioUsage.filter(user_id=user.id, seconds__gt=0).count() == 0


async def test_the_daily_audio_quota_refuses_the_note_that_would_pass_it(
    tmp_path: Path, tiny_en: Transcriber, shared_dir: Path
) -> None:
    clip = (shared_dir / "data" / "asr" / "ef05.ogg").read_bytes()
    quota = AsrSettings(daily_minutes=1)
    async with running_product(tmp_path, transcriber=tiny_en, asr=quota) as product:
        first = await reply_to(product, "a", 40, clip)
        second = await reply_to(product, "b", 30, clip)
    assert "transcribed" in first
    assert "today's 1 minutes of voice notes" in second
