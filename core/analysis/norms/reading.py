"""A plain-language reading of an h-profile, localized through gettext."""

from __future__ import annotations

from core.analysis.norms.profile import MIN_DREAMS, RECOMMENDED_DREAMS, HProfile, HRow, Verdict
from core.analysis.norms.reference import FEMALE, MALE
from core.i18n import N_, gettext

#: Indicator key -> (sentence when higher than the norm, sentence when lower).
PHRASES: dict[str, tuple[str, str]] = {
    "male_female": (
        N_("Men appear more often among your dream characters than the norm"),
        N_("Women appear more often among your dream characters than the norm"),
    ),
    "familiarity": (
        N_("Your dreams have more familiar people than the norm"),
        N_("Your dreams have more strangers and unknown people than the norm"),
    ),
    "friends": (
        N_("Friends and acquaintances appear more often than the norm"),
        N_("Friends and acquaintances appear less often than the norm"),
    ),
    "family": (
        N_("Family members appear more often than the norm"),
        N_("Family members appear less often than the norm"),
    ),
    "group": (
        N_("Groups of people appear more often than the norm"),
        N_("Groups of people appear less often than the norm"),
    ),
    "dead_imaginary": (
        N_("Dead or imaginary characters appear more often than the norm"),
        N_("Dead or imaginary characters appear less often than the norm"),
    ),
    "animal": (
        N_("Animals appear more often than the norm"),
        N_("Animals appear less often than the norm"),
    ),
    "ac_index": (
        N_("Your dreams have more aggression per character than the norm"),
        N_("Your dreams have less aggression per character than the norm"),
    ),
    "fc_index": (
        N_("Your dreams have more friendliness per character than the norm"),
        N_("Your dreams have less friendliness per character than the norm"),
    ),
    "sc_index": (
        N_("Your dreams have more sexuality per character than the norm"),
        N_("Your dreams have less sexuality per character than the norm"),
    ),
    "aggression_friendliness": (
        N_("Your own encounters with others lean more towards aggression than the norm"),
        N_("Your own encounters with others lean more towards friendliness than the norm"),
    ),
    "befriender": (
        N_("You are more often the one who offers friendliness than the norm"),
        N_("You are more often the one who receives friendliness than the norm"),
    ),
    "aggressor": (
        N_("You are more often the aggressor than the norm"),
        N_("You are less often the aggressor than the norm"),
    ),
    "victimization": (
        N_("You are more often the victim of aggression than the norm"),
        N_("You are less often the victim of aggression than the norm"),
    ),
    "physical_aggression": (
        N_("Aggression in your dreams is more often physical than the norm"),
        N_("Aggression in your dreams is less often physical than the norm"),
    ),
    "negative_emotions": (
        N_("The emotions in your dreams are more often negative than the norm"),
        N_("The emotions in your dreams are more often positive than the norm"),
    ),
    "dreamer_success": (
        N_("Your efforts in dreams succeed more often than the norm"),
        N_("Your efforts in dreams fail more often than the norm"),
    ),
    "bodily_misfortunes": (
        N_("Misfortunes in your dreams are more often injuries, illness or death than the norm"),
        N_("Misfortunes in your dreams are less often injuries, illness or death than the norm"),
    ),
    "self_negativity": (
        N_("Bad things happen to you in dreams more often than good ones, compared with the norm"),
        N_("Good things happen to you in dreams more often than bad ones, compared with the norm"),
    ),
    "torso_anatomy": (
        N_("Mentions of the body concern the torso and anatomy more often than the norm"),
        N_("Mentions of the body concern the torso and anatomy less often than the norm"),
    ),
    "indoor_setting": (
        N_("Your dreams take place indoors more often than the norm"),
        N_("Your dreams take place outdoors more often than the norm"),
    ),
    "familiar_setting": (
        N_("Your dreams take place in familiar places more often than the norm"),
        N_("Your dreams take place in unfamiliar places more often than the norm"),
    ),
    "familiar_setting_alt": (
        N_("Your dream places are familiar or distorted more often than the norm"),
        N_("Your dream places are familiar or distorted less often than the norm"),
    ),
    "dreams_with_aggression": (
        N_("More of your dreams contain aggression than the norm"),
        N_("Fewer of your dreams contain aggression than the norm"),
    ),
    "dreams_with_friendliness": (
        N_("More of your dreams contain friendliness than the norm"),
        N_("Fewer of your dreams contain friendliness than the norm"),
    ),
    "dreams_with_sexuality": (
        N_("More of your dreams contain sexuality than the norm"),
        N_("Fewer of your dreams contain sexuality than the norm"),
    ),
    "dreams_with_misfortune": (
        N_("More of your dreams contain a misfortune than the norm"),
        N_("Fewer of your dreams contain a misfortune than the norm"),
    ),
    "dreams_with_good_fortune": (
        N_("More of your dreams contain good fortune than the norm"),
        N_("Fewer of your dreams contain good fortune than the norm"),
    ),
    "dreams_with_success": (
        N_("More of your dreams contain a success than the norm"),
        N_("Fewer of your dreams contain a success than the norm"),
    ),
    "dreams_with_failure": (
        N_("More of your dreams contain a failure than the norm"),
        N_("Fewer of your dreams contain a failure than the norm"),
    ),
    "dreams_with_striving": (
        N_("More of your dreams contain striving (success or failure) than the norm"),
        N_("Fewer of your dreams contain striving (success or failure) than the norm"),
    ),
    "dreams_with_emotion": (
        N_("More of your dreams mention an emotion than the norm"),
        N_("Fewer of your dreams mention an emotion than the norm"),
    ),
}

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.TOO_FEW_DREAMS: N_("too few dreams"),
    Verdict.NO_DATA: N_("no data"),
    Verdict.SIMILAR: N_("similar to the norm"),
    Verdict.HIGHER: N_("higher than the norm"),
    Verdict.LOWER: N_("lower than the norm"),
}

_INTRO: dict[str, str] = {
    FEMALE: N_("Compared with the Hall/Van de Castle norms for women."),
    MALE: N_("Compared with the Hall/Van de Castle norms for men."),
}
_INTRO_POOLED = N_("Compared with the Hall/Van de Castle norms for men and women together.")


def verdict_label(verdict: Verdict, locale: str | None) -> str:
    """The verdict in words, for tables (``too few dreams``, ``higher than the norm`` ...)."""
    return gettext(VERDICT_LABELS[verdict], locale)


def _sample_sentence(profile: HProfile, locale: str | None) -> str | None:
    n = profile.n_dreams
    if not profile.enough_dreams:
        # No ngettext: "dreams: {n}" reads well for every n in both languages.
        return gettext(
            "Dreams: {n}. That is too few to compare with the norms: at least {min} are "
            "needed, and about {good} give a reliable profile. The figures are descriptive only.",
            locale,
        ).format(n=n, min=MIN_DREAMS, good=RECOMMENDED_DREAMS)
    if profile.tentative:
        return gettext(
            "With {n} dreams this profile is tentative; about {good} dreams give a reliable one.",
            locale,
        ).format(n=n, good=RECOMMENDED_DREAMS)
    return None


def _difference_sentence(row: HRow, locale: str | None) -> str:
    more, less = PHRASES[row.key]
    phrase = gettext(more if row.verdict is Verdict.HIGHER else less, locale)
    return gettext("{phrase} (h = {h}).", locale).format(phrase=phrase, h=f"{row.h:+.2f}")


def plain_reading(profile: HProfile, locale: str | None) -> list[str]:
    """Sentences for a person, largest differences first; never claims one below 50 dreams."""
    sentences = [gettext(_INTRO.get(profile.norm_group, _INTRO_POOLED), locale)]
    sample = _sample_sentence(profile, locale)
    if sample:
        sentences.append(sample)
    if not profile.enough_dreams:
        return sentences
    differences = profile.differences()
    sentences.extend(_difference_sentence(row, locale) for row in differences)
    if not differences:
        sentences.append(gettext("None of the indicators differs clearly from the norms.", locale))
    return sentences
