"""Names of phases, zodiac signs, months and weekdays (msgids, translated at render time)."""

from __future__ import annotations

from core.i18n import N_

#: The eight phase names, keyed as in :class:`core.interpret.types.LunarContext.phase_key`.
PHASE_NAMES: dict[str, str] = {
    "new_moon": N_("New moon"),
    "waxing_crescent": N_("Waxing crescent"),
    "first_quarter": N_("First quarter"),
    "waxing_gibbous": N_("Waxing gibbous"),
    "full_moon": N_("Full moon"),
    "waning_gibbous": N_("Waning gibbous"),
    "last_quarter": N_("Last quarter"),
    "waning_crescent": N_("Waning crescent"),
}
#: The instant-phase kinds (``PhaseEvent.kind``) to their phase keys.
EVENT_PHASE_KEY: dict[str, str] = {
    "new": "new_moon",
    "first_quarter": "first_quarter",
    "full": "full_moon",
    "last_quarter": "last_quarter",
}
#: Tropical zodiac signs from Aries (0° of ecliptic longitude) on.
SIGN_KEYS: tuple[str, ...] = (
    "aries",
    "taurus",
    "gemini",
    "cancer",
    "leo",
    "virgo",
    "libra",
    "scorpio",
    "sagittarius",
    "capricorn",
    "aquarius",
    "pisces",
)
SIGN_NAMES: dict[str, str] = {
    "aries": N_("Aries"),
    "taurus": N_("Taurus"),
    "gemini": N_("Gemini"),
    "cancer": N_("Cancer"),
    "leo": N_("Leo"),
    "virgo": N_("Virgo"),
    "libra": N_("Libra"),
    "scorpio": N_("Scorpio"),
    "sagittarius": N_("Sagittarius"),
    "capricorn": N_("Capricorn"),
    "aquarius": N_("Aquarius"),
    "pisces": N_("Pisces"),
}
#: "Moon in <sign>" as whole phrases: Russian puts the sign in the genitive («Луна в знаке
#: Скорпиона»), which a "{sign}" placeholder filled with the nominative cannot do.
SIGN_PHRASES: dict[str, str] = {
    "aries": N_("Moon in Aries"),
    "taurus": N_("Moon in Taurus"),
    "gemini": N_("Moon in Gemini"),
    "cancer": N_("Moon in Cancer"),
    "leo": N_("Moon in Leo"),
    "virgo": N_("Moon in Virgo"),
    "libra": N_("Moon in Libra"),
    "scorpio": N_("Moon in Scorpio"),
    "sagittarius": N_("Moon in Sagittarius"),
    "capricorn": N_("Moon in Capricorn"),
    "aquarius": N_("Moon in Aquarius"),
    "pisces": N_("Moon in Pisces"),
}
MONTH_NAMES: tuple[str, ...] = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
WEEKDAY_SHORT: tuple[str, ...] = (
    N_("Mon"),
    N_("Tue"),
    N_("Wed"),
    N_("Thu"),
    N_("Fri"),
    N_("Sat"),
    N_("Sun"),
)

#: Half-width (degrees of elongation, ≈ 12 h of the moon's motion) of the window in which an
#: instant is said to be *at* a principal phase rather than between two.
PRINCIPAL_WINDOW = 6.1


def phase_key_for_elongation(elongation: float) -> str:
    """One of the eight phase keys for a moon-minus-sun longitude (degrees)."""
    e = elongation % 360.0
    for centre, key in ((0.0, "new_moon"), (90.0, "first_quarter"), (180.0, "full_moon")):
        if abs(e - centre) <= PRINCIPAL_WINDOW:
            return key
    if abs(e - 270.0) <= PRINCIPAL_WINDOW:
        return "last_quarter"
    if e >= 360.0 - PRINCIPAL_WINDOW:
        return "new_moon"
    return ("waxing_crescent", "waxing_gibbous", "waning_gibbous", "waning_crescent")[int(e // 90)]


#: The four groups the statistics compare: quarters of the cycle centred on principal phases.
PHASE_GROUPS: tuple[str, ...] = ("new_moon", "first_quarter", "full_moon", "last_quarter")


def phase_group_for_elongation(elongation: float) -> str:
    """The phase group (±45° around a principal phase) of a moon-minus-sun longitude."""
    return PHASE_GROUPS[int(((elongation + 45.0) % 360.0) // 90.0)]


def lit_percent(illumination: float) -> int:
    """The lit share of the disc as the whole percent every screen shows (halves round up), so
    one moment reads the same in the analysis, the journal and /lunar."""
    return int(max(0.0, min(1.0, illumination)) * 100 + 0.5)
