"""One exception root for the lunar service; every message is a localizable msgid.

Callers catch :class:`LunarError` and show ``error.localized(locale)`` to the user; ``str(error)``
is the English text for logs.
"""

from __future__ import annotations

from typing import ClassVar

from core.i18n import N_, gettext


class LunarError(Exception):
    """Root of every lunar failure the user can cause (and so should be told about)."""

    msgid: ClassVar[str] = N_("The lunar calendar cannot be computed for this request.")

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.msgid.format(**params))

    def localized(self, locale: str | None) -> str:
        """The message in the user's language, placeholders filled in."""
        return gettext(self.msgid, locale).format(**self.params)


class DateOutOfRange(LunarError):
    """The ephemeris is trusted (and tested) only for 1900-2100."""

    msgid = N_("The date {value} is outside the supported range 1900-2100.")


class InvalidCoordinates(LunarError):
    """Latitude outside ±90°, longitude outside ±180°, or not a number."""

    msgid = N_(
        "The coordinates {lat}, {lon} are impossible: latitude must be between -90 and 90 "
        "and longitude between -180 and 180."
    )


class UnknownPlace(LunarError):
    """No city of the offline list matches what the user typed."""

    msgid = N_(
        "No city called “{name}” was found. Try the English or Russian name of a nearby city."
    )


class UnknownTimeZone(LunarError):
    """Not an IANA time zone name such as ``Europe/Moscow``."""

    msgid = N_("“{name}” is not a known time zone; use a name such as Europe/Moscow.")


class PolarLatitude(LunarError):
    """Raised only on request (``clamp_polar=False``) for places beyond the lunar-day limit."""

    msgid = N_(
        "At latitude {lat} the moon may not rise for days, so lunar days are undefined there; "
        "they can be shown for latitude {limit} instead."
    )
