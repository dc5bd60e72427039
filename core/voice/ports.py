"""What the voice job needs from a transport: the audio behind a file id, and a way to talk
to the user. The bot implements both with the Bot API (``bot/voice.py``)."""

from __future__ import annotations

from typing import Protocol

from core.dreams.report import Delivery


class VoicePort(Protocol):
    async def fetch(self, file_id: str, max_bytes: int) -> bytes:
        """The file's bytes (kept in memory only); raises ``AudioTooLarge`` past ``max_bytes``
        and ``AudioUnavailable`` when the transport cannot deliver it."""
        ...

    async def transcribing(self, delivery: Delivery, share: float | None) -> None:
        """Show that we are listening: a chat action, and the share of the audio done."""
        ...

    async def transcript(self, delivery: Delivery, dream_id: str, text: str) -> None:
        """Show the transcript with its choices: analyse, edit, cancel."""
        ...

    async def failed(self, delivery: Delivery, message: str) -> None:
        """Tell the user, in their language, why there is no transcript."""
        ...
