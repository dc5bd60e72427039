"""Deciding whether a message is a dream we can analyse, and saving it without twins.

Rejections carry a msgid (``DreamRejected.message``) for a clear, localized reply; nothing is
charged for them. Whether a valid message *is* a dream (or instructions, or a greeting) is
:mod:`core.dreams.screening`'s call, made next: a dream may quote instructions and is still a
dream (its text is data to the interpreter).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from core.analysis.hvdc import detect_language
from core.db.errors import PROBE_ERRORS
from core.db.models import Dream, DreamSource, DreamStatus, User
from core.dreams.journal_changes import journal_changed
from core.i18n import N_

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MIN_WORDS = 3


class DreamRejected(Exception):
    """The message is not something we analyse; ``message`` is the msgid of the reply."""

    def __init__(self, reason: str, message: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class DreamText:
    text: str
    language: str  # "en" | "ru" | other ISO code we could not analyse fully


def clean_text(raw: str) -> str:
    """Unicode-normalised text without control characters, trimmed."""
    text = unicodedata.normalize("NFC", raw)
    return _CONTROL.sub("", text).strip()


def validate_dream(raw: str | None, *, min_chars: int, max_chars: int) -> DreamText:
    """Return the cleaned dream, or raise :class:`DreamRejected` with the reason."""
    text = clean_text(raw or "")
    if not text:
        raise DreamRejected(
            "empty", N_("Your message is empty. Tell me your dream in a few sentences.")
        )
    if len(text) > max_chars:
        raise DreamRejected(
            "too_long",
            N_(
                "This is longer than one dream can be ({length} characters; the limit is "
                "{limit}). Please shorten it or send it as separate dreams."
            ),
            length=len(text),
            limit=max_chars,
        )
    words = _WORD.findall(text)
    if not words:
        raise DreamRejected(
            "no_words",
            N_("I could not find any words in your message. Please describe your dream in words."),
        )
    if len(text) < min_chars or len(words) < MIN_WORDS:
        raise DreamRejected(
            "too_short",
            N_(
                "That is a bit short for a dream. Tell me more: where you were, who was there, "
                "what happened and how you felt."
            ),
        )
    return DreamText(text=text, language=detect_language(text))


def message_origin(chat_id: int, message_id: int) -> str:
    """The key a Telegram message's dream is saved under (redeliveries find the first copy)."""
    return f"tg:{chat_id}:{message_id}"


async def dream_kept(origin_key: str) -> bool:
    """True only when the dream of ``origin_key`` is certainly stored; False when it is not, or
    when the database cannot say (then the user must not be told it was kept)."""
    try:
        return await Dream.exists(origin_key=origin_key)
    except PROBE_ERRORS:
        return False


async def remember_status_message(dream: Dream, message_id: int) -> None:
    """Keep the user's "analysing…" message with the dream, so that whichever job finishes
    the dream (a swept one included) resolves it. Best effort: without it a result still
    arrives, as a new message."""
    dream.status_message_id = message_id
    try:
        await dream.save(update_fields=["status_message_id"])
    except PROBE_ERRORS as exc:
        log.warning("status message not recorded: %s", type(exc).__name__)


async def save_dream(
    user: User,
    dream: DreamText,
    *,
    source: DreamSource,
    origin_key: str | None = None,
    status: DreamStatus = DreamStatus.QUEUED,
) -> tuple[Dream, bool]:
    """Save the dream; a redelivered message (same ``origin_key``) returns the first copy."""
    if origin_key is not None:
        existing = await Dream.get_or_none(origin_key=origin_key)
        if existing is not None:
            return existing, False
    try:
        saved = await Dream.create(
            user=user,
            text=dream.text,
            language=dream.language,
            source=source,
            origin_key=origin_key,
            status=status,
        )
    except IntegrityError:
        return await Dream.get(origin_key=origin_key), False
    await journal_changed(user.id)
    return saved, True
