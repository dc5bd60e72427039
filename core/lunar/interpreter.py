"""Folklore about dreams on each lunar day and in each phase — our own short texts.

These are traditional beliefs retold in our words, always shown with the folklore label: the
product measures the moon exactly but does not claim that the moon shapes dreams (see
:mod:`core.lunar.stats` for what a user's own journal shows).
"""

from __future__ import annotations

from core.i18n import N_, gettext

FOLKLORE_LABEL = N_("Folk belief, not science")

#: What tradition says about dreams that begin on lunar day n (index n - 1).
DAY_NOTES: tuple[str, ...] = (
    N_("Dreams of the first lunar day are said to come true, usually in a pleasant way."),
    N_("Dreams of the second lunar day are called empty: tradition advises not to dwell on them."),
    N_("Dreams of the third lunar day are said to come true soon, often within days."),
    N_("Dreams of the fourth lunar day are read as warnings worth a moment of thought."),
    N_("Dreams of the fifth lunar day are said to speak about health and strength."),
    N_("Dreams of the sixth lunar day are believed to come true, though not at once."),
    N_("Dreams of the seventh lunar day are said to come true if you tell them to no one."),
    N_("Dreams of the eighth lunar day are said to show what you truly want."),
    N_("Dreams of the ninth lunar day are called confusing and are often dismissed as empty."),
    N_("Dreams of the tenth lunar day are said to concern home and family matters."),
    N_("Dreams of the eleventh lunar day are believed to come true quickly."),
    N_("Dreams of the twelfth lunar day are said to carry advice meant to be followed."),
    N_("Dreams of the thirteenth lunar day are said to repeat a lesson you have not learned yet."),
    N_("Dreams of the fourteenth lunar day are believed to bring news."),
    N_(
        "Dreams of the fifteenth lunar day are said to be deceptive; tradition says not to trust them."
    ),
    N_("Dreams of the sixteenth lunar day are called empty and quickly forgotten."),
    N_("Dreams of the seventeenth lunar day are said to come true within a few weeks."),
    N_("Dreams of the eighteenth lunar day are said to mirror your own mood, not events."),
    N_("Dreams of the nineteenth lunar day are read as warnings about people around you."),
    N_("Dreams of the twentieth lunar day are believed to come true, and good ones especially."),
    N_("Dreams of the twenty-first lunar day are said to come true soon."),
    N_("Dreams of the twenty-second lunar day are said to hint at knowledge you are missing."),
    N_("Dreams of the twenty-third lunar day are said to come true in reverse."),
    N_("Dreams of the twenty-fourth lunar day are believed to foretell calm and good luck."),
    N_("Dreams of the twenty-fifth lunar day are called empty, however vivid they seem."),
    N_("Dreams of the twenty-sixth lunar day are said to warn against boasting."),
    N_("Dreams of the twenty-seventh lunar day are believed to be prophetic."),
    N_("Dreams of the twenty-eighth lunar day are said to come true, but slowly."),
    N_("Dreams of the twenty-ninth lunar day are called empty or deceptive."),
    N_("Dreams of the thirtieth lunar day are said to sum up the month that ends."),
)

#: What tradition says about dreams in each of the eight phases.
PHASE_NOTES: dict[str, str] = {
    "new_moon": N_("Around the new moon, tradition links dreams with beginnings and plans."),
    "waxing_crescent": N_(
        "As the moon grows, dreams are said to point to what is growing in your life."
    ),
    "first_quarter": N_("At the first quarter, dreams are said to show obstacles to overcome."),
    "waxing_gibbous": N_(
        "Under a nearly full moon, dreams are believed to be vivid and easy to remember."
    ),
    "full_moon": N_("At the full moon, tradition calls dreams intense and emotional."),
    "waning_gibbous": N_("As the moon begins to wane, dreams are said to help let go of the past."),
    "last_quarter": N_("At the last quarter, dreams are said to sort out what is finished."),
    "waning_crescent": N_("Under the old moon, dreams are traditionally called quiet and inward."),
}


def day_note(day: int, locale: str | None) -> str:
    """The folklore sentence for lunar day ``day`` (1..30), translated."""
    if not 1 <= day <= len(DAY_NOTES):
        raise ValueError(f"lunar day must be 1..30, not {day}")
    return gettext(DAY_NOTES[day - 1], locale)


def phase_note(phase_key: str, locale: str | None) -> str:
    """The folklore sentence for one of the eight phase keys, translated."""
    return gettext(PHASE_NOTES[phase_key], locale)


def folklore_note(day: int, phase_key: str, locale: str | None) -> str:
    """Both sentences behind the folklore label, ready to show."""
    label = gettext(FOLKLORE_LABEL, locale)
    return f"{label}: {day_note(day, locale)} {phase_note(phase_key, locale)}"
