"""Accepting a voice note: limits checked on what Telegram tells us before anything is
downloaded, the daily quota reserved, and the dream stored (``source=voice``, the file id and
the duration; no text yet) before the transcription job is queued."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from core.asr import AsrSettings, AudioTooLarge, AudioTooLong, DailyQuotaExceeded
from core.db.models import Dream, DreamSource, DreamStatus, User
from core.dreams.journal_changes import journal_changed
from core.voice.quota import reserve_audio


@dataclass(frozen=True, slots=True)
class VoiceNote:
    """A voice note, audio file or round video note, as the transport describes it."""

    file_id: str
    duration_s: int
    size_bytes: int | None


def check_limits(note: VoiceNote, asr: AsrSettings) -> None:
    """Refuse, before any download, what is over the limits by Telegram's own figures."""
    if note.duration_s > asr.max_seconds:
        raise AudioTooLong(f"{note.duration_s} s", limit=f"{asr.max_seconds / 60:g}")
    if note.size_bytes is not None and note.size_bytes > asr.max_bytes:
        raise AudioTooLarge(f"{note.size_bytes} bytes", limit=f"{asr.max_bytes / 1e6:g}")


async def accept_voice(
    user: User, note: VoiceNote, asr: AsrSettings, origin_key: str
) -> tuple[Dream, bool]:
    """Store the voice dream once per ``origin_key``; (dream, created). Raises an ``AsrError``
    (too long, too large, quota) with nothing stored or counted."""
    existing = await Dream.get_or_none(origin_key=origin_key)
    if existing is not None:
        return existing, False
    check_limits(note, asr)
    if not await reserve_audio(user.id, max(1, note.duration_s), asr.daily_minutes):
        raise DailyQuotaExceeded(f"{asr.daily_minutes} min", limit=asr.daily_minutes)
    try:
        dream = await Dream.create(
            user=user,
            text="",
            language=user.language,
            source=DreamSource.VOICE,
            status=DreamStatus.QUEUED,
            audio_ref=note.file_id,
            audio_seconds=note.duration_s,
            origin_key=origin_key,
        )
    except IntegrityError:
        return await Dream.get(origin_key=origin_key), False
    await journal_changed(user.id)
    return dream, True
