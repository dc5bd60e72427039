"""The user's voice-note language (``User.voice_language``): ``en``, ``ru`` or ``auto``."""

from __future__ import annotations

from core.db.models import User

VOICE_LANGUAGES: tuple[str, ...] = ("auto", "en", "ru")


async def set_voice_language(user: User, code: str) -> bool:
    """Save the choice; False (nothing saved) for a code we do not offer (a forged button)."""
    if code not in VOICE_LANGUAGES:
        return False
    user.voice_language = code
    await user.save(update_fields=["voice_language", "updated_at"])
    return True
