"""The h-profile in two lines for a chat caption: what it is compared with, and what stands out
(or why nothing can be said yet)."""

from __future__ import annotations

from core.analysis.norms import HProfile, plain_reading
from core.i18n import gettext

#: Telegram captions are limited to 1024 characters.
CAPTION_LIMIT = 1024


def two_line_reading(profile: HProfile, locale: str) -> str:
    """Line one: the norms and the sample; line two: the largest difference, or the caveat."""
    sentences = plain_reading(profile, locale)
    intro, rest = sentences[0], sentences[1:]
    if not profile.enough_dreams:
        second = rest[0] if rest else ""
    elif profile.tentative and len(rest) > 1:
        intro = f"{intro} {rest[0]}"
        second = rest[1]
    else:
        second = rest[0] if rest else ""
    if not second:
        second = gettext("None of the indicators differs clearly from the norms.", locale)
    return f"{intro}\n{second}"[:CAPTION_LIMIT]
