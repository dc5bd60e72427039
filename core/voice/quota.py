"""The per-user daily quota of audio minutes: reserved before a note is transcribed, given
back only when the failure was ours. One row per user and UTC day, changed by a guarded
UPDATE, so two notes at once cannot both slip under the limit."""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, date, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from core.db.models import AudioUsage


def today() -> date:
    return datetime.now(UTC).date()


async def reserve_audio(
    user_id: uuid.UUID, seconds: int, daily_minutes: int, day: date | None = None
) -> bool:
    """Count ``seconds`` against today's quota; False (nothing counted) when they do not fit."""
    day = day or today()
    allowed = daily_minutes * 60 - seconds
    if allowed < 0:
        return False
    await _ensure_row(user_id, day)
    updated = await AudioUsage.filter(user_id=user_id, day=day, seconds__lte=allowed).update(
        seconds=F("seconds") + seconds
    )
    return updated == 1


async def release_audio(user_id: uuid.UUID, seconds: int, day: date | None = None) -> None:
    """Give back ``seconds`` (a note we failed to transcribe through our own fault)."""
    await AudioUsage.filter(user_id=user_id, day=day or today(), seconds__gte=seconds).update(
        seconds=F("seconds") - seconds
    )


async def used_seconds(user_id: uuid.UUID, day: date | None = None) -> int:
    row = await AudioUsage.get_or_none(user_id=user_id, day=day or today())
    return row.seconds if row is not None else 0


async def _ensure_row(user_id: uuid.UUID, day: date) -> None:
    if await AudioUsage.exists(user_id=user_id, day=day):
        return
    # Created meanwhile by a concurrent note: fine, the guarded UPDATE decides.
    with contextlib.suppress(IntegrityError):
        await AudioUsage.create(user_id=user_id, day=day, seconds=0)
