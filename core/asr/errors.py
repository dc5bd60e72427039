"""One exception root for speech recognition; every message is a localizable msgid.

Callers catch :class:`AsrError` and show ``error.localized(locale)`` to the user; ``str(error)``
is the English text for logs (never the transcript, never the user). ``reason`` is a short,
stable key for metrics and tests.
"""

from __future__ import annotations

from typing import ClassVar

from core.i18n import N_, gettext


class AsrError(Exception):
    """Root of every failure to turn audio into text."""

    reason: ClassVar[str] = "error"
    msgid: ClassVar[str] = N_(
        "Sorry, I could not transcribe this voice note. Please try again or type your dream."
    )

    def __init__(self, detail: str = "", **params: object) -> None:
        self.params = params
        self.detail = detail
        text = self.msgid.format(**params)
        super().__init__(f"{text} ({detail})" if detail else text)

    def localized(self, locale: str | None) -> str:
        """The message in the user's language, placeholders filled in."""
        return gettext(self.msgid, locale).format(**self.params)


class AsrConfigError(AsrError):
    """The operator's configuration cannot work (raised at start-up, not at the first note)."""

    reason = "config"


class EmptyAudio(AsrError):
    reason = "empty"
    msgid = N_("This file is empty: there is no sound in it. Please record your dream again.")


class UnreadableAudio(AsrError):
    """Not audio at all, or a damaged file."""

    reason = "unreadable"
    msgid = N_(
        "I couldn't read this file: it seems damaged or is not audio. Please record the voice "
        "note again, or type your dream."
    )


class UnsupportedAudio(AsrError):
    """A real media file, but with no audio stream we can decode."""

    reason = "unsupported"
    msgid = N_(
        "I can't play this audio format. Please send a Telegram voice note or a common audio "
        "file (OGG, MP3, M4A, WAV), or type your dream."
    )


class AudioTooLong(AsrError):
    reason = "too_long"
    msgid = N_(
        "This recording is too long for me: I transcribe up to {limit} minutes. Please record "
        "a shorter voice note about the dream, or type it."
    )


class AudioTooLarge(AsrError):
    reason = "too_large"
    msgid = N_(
        "This file is too large for me (the limit is {limit} MB). Please send a shorter voice "
        "note, or type your dream."
    )


class DailyQuotaExceeded(AsrError):
    reason = "quota"
    msgid = N_(
        "You have used today's {limit} minutes of voice notes. Please type your dream, or send "
        "the voice note tomorrow."
    )


class NoSpeech(AsrError):
    reason = "no_speech"
    msgid = N_(
        "I couldn't hear anything in this voice note. Please record it again a little closer "
        "to the microphone, or type your dream."
    )


class EngineUnavailable(AsrError):
    """The speech model could not be loaded or crashed: our fault, never the user's."""

    reason = "engine"
    msgid = N_(
        "Voice notes are unavailable right now, sorry — it's a problem on our side. Please "
        "type your dream, or try the voice note again later. Nothing was charged."
    )


class LanguageUnavailable(AsrError):
    """The user's language has no engine here (e.g. an English-only model and Russian)."""

    reason = "language"
    msgid = N_(
        "I can't transcribe voice notes in this language here yet. Please type your dream, "
        "or change the voice language in /settings."
    )


class AudioUnavailable(AsrError):
    """Telegram did not give us the file (expired, deleted, or a network failure)."""

    reason = "unavailable"
    msgid = N_(
        "I couldn't download this voice note from Telegram. Please send it again, or type "
        "your dream."
    )
