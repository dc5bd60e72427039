"""The user's answer to a transcript: analyse it as heard, analyse a corrected text, or
cancel. Only then does the dream enter the normal analysis path (and its charge)."""

from __future__ import annotations

from core.db.models import Dream, DreamSource, DreamStatus, User
from core.dreams.intake import validate_dream
from core.dreams.journal import get_user_dream
from core.dreams.journal_changes import journal_changed


async def awaiting_transcript(user: User, dream_id: str) -> Dream | None:
    """The user's voice dream whose transcript waits for an answer; None for anything else
    (another user's dream, one already analysed or cancelled: a stale button)."""
    dream = await get_user_dream(user, dream_id)
    if dream is None or dream.source != DreamSource.VOICE:
        return None
    return dream if dream.status == DreamStatus.AWAITING_CONFIRMATION else None


async def confirm_transcript(
    dream: Dream, *, min_chars: int, max_chars: int, corrected: str | None = None
) -> Dream:
    """Make the (corrected) transcript the dream's text and queue it for analysis; raises
    ``DreamRejected`` (the dream keeps waiting) when the text is not a dream we analyse."""
    checked = validate_dream(
        corrected if corrected is not None else dream.text, min_chars=min_chars, max_chars=max_chars
    )
    dream.text = checked.text
    if corrected is not None:
        dream.language = checked.language
    dream.status = DreamStatus.QUEUED
    await dream.save(update_fields=["text", "language", "status", "updated_at"])
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
    return dream


async def cancel_transcript(dream: Dream) -> None:
    """Forget the voice dream: its transcript and file id are deleted; nothing was charged."""
    await dream.delete()
    await journal_changed(dream.user_id)  # type: ignore[attr-defined]
