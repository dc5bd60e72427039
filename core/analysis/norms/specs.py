"""The HVdC indicators: what each one divides by what, and its name in the norms file.

Formulas follow Hall & Van de Castle (1966) and Domhoff's DreamSAT as used to compute the
shipped norms; each was checked to reproduce the women's norms from the 490 gold cards of the
norm set (see tests/core/analysis/norms). Tally names are explained in ``tally.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_

PROPORTION = "proportion"
#: Interactions per character: may exceed 1 for one dream, so Wilson intervals do not apply.
RATE = "rate"


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """One indicator: ``numerator / denominator`` of two tallies summed over the dreams."""

    key: str
    label: str
    norms_label: str
    numerator: str
    denominator: str
    kind: str = PROPORTION
    #: False for variants shown in tables only (not in readings and charts, to avoid repeats).
    headline: bool = True


def _pct_dreams(category: str, label: str) -> IndicatorSpec:
    return IndicatorSpec(
        f"dreams_with_{category}",
        label,
        f"% dreams with >=1 {category}",
        f"has_{category}",
        "dreams",
    )


INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec("male_female", N_("Male/Female %"), "Male/Female %", "male", "male_or_female"),
    IndicatorSpec("familiarity", N_("Familiarity %"), "Familiarity %", "familiar", "humans"),
    IndicatorSpec("friends", N_("Friends %"), "Friends %", "friends", "humans"),
    IndicatorSpec(
        "family", N_("Family %"), "Family % ((family+relatives)/humans)", "family", "humans"
    ),
    IndicatorSpec(
        "group", N_("Group %"), "Group % (plural humans/all humans)", "plural_humans", "humans"
    ),
    IndicatorSpec(
        "dead_imaginary",
        N_("Dead & imaginary %"),
        "Dead & Imaginary %",
        "dead_or_imaginary",
        "characters",
    ),
    IndicatorSpec("animal", N_("Animal %"), "Animal %", "animals", "characters"),
    IndicatorSpec("ac_index", N_("A/C index"), "A/C index", "aggressions", "characters", RATE),
    IndicatorSpec("fc_index", N_("F/C index"), "F/C index", "friendlinesses", "characters", RATE),
    IndicatorSpec("sc_index", N_("S/C index"), "S/C index", "sexualities", "characters", RATE),
    IndicatorSpec(
        "aggression_friendliness",
        N_("Aggression/Friendliness %"),
        "Aggression/Friendliness %",
        "dreamer_aggressions",
        "dreamer_aggressions_or_friendlinesses",
    ),
    IndicatorSpec(
        "befriender", N_("Befriender %"), "Befriender %", "befriender", "befriender_or_befriended"
    ),
    IndicatorSpec(
        "aggressor", N_("Aggressor %"), "Aggressor %", "aggressor", "aggressor_or_victim"
    ),
    IndicatorSpec(
        "victimization", N_("Victimization %"), "Victimization %", "victim", "aggressor_or_victim"
    ),
    IndicatorSpec(
        "physical_aggression",
        N_("Physical aggression %"),
        "Physical aggression %",
        "physical_aggressions",
        "aggressions",
    ),
    IndicatorSpec(
        "negative_emotions",
        N_("Negative emotions %"),
        "Negative emotions %",
        "negative_emotions",
        "emotions",
    ),
    IndicatorSpec(
        "dreamer_success",
        N_("Dreamer-involved success %"),
        "Dreamer-involved success %",
        "dreamer_successes",
        "dreamer_strivings",
    ),
    IndicatorSpec(
        "bodily_misfortunes",
        N_("Bodily misfortunes %"),
        "Bodily misfortunes % ((M5+M6)/all misfortunes)",
        "bodily_misfortunes",
        "misfortunes",
    ),
    IndicatorSpec(
        "self_negativity",
        N_("Self-negativity %"),
        "Self-negativity %",
        "dreamer_negative",
        "dreamer_outcomes",
    ),
    IndicatorSpec(
        "torso_anatomy",
        N_("Torso/anatomy %"),
        "Torso/anatomy % ((BT+BA+BS)/body parts)",
        "torso_anatomy",
        "body_parts",
    ),
    IndicatorSpec(
        "indoor_setting", N_("Indoor setting %"), "Indoor setting %", "indoor", "indoor_or_outdoor"
    ),
    IndicatorSpec(
        "familiar_setting",
        N_("Familiar setting %"),
        "Familiar setting % (F/(F+U), per dreams.ucsc.edu formula)",
        "familiar_settings",
        "familiar_or_unfamiliar_settings",
    ),
    IndicatorSpec(
        "familiar_setting_alt",
        N_("Familiar or distorted setting %"),
        "alt Familiar setting % ((F+D)/(F+D+U))",
        "familiar_or_distorted_settings",
        "known_quality_settings",
        headline=False,
    ),
    _pct_dreams("aggression", N_("Dreams with at least one aggression %")),
    _pct_dreams("friendliness", N_("Dreams with at least one friendliness %")),
    _pct_dreams("sexuality", N_("Dreams with at least one sexuality %")),
    _pct_dreams("misfortune", N_("Dreams with at least one misfortune %")),
    _pct_dreams("good_fortune", N_("Dreams with at least one good fortune %")),
    _pct_dreams("success", N_("Dreams with at least one success %")),
    _pct_dreams("failure", N_("Dreams with at least one failure %")),
    IndicatorSpec(
        "dreams_with_striving",
        N_("Dreams with at least one success or failure %"),
        "% dreams with >=1 striving (success or failure)",
        "has_striving",
        "dreams",
    ),
    _pct_dreams("emotion", N_("Dreams with at least one emotion %")),
)

BY_KEY: dict[str, IndicatorSpec] = {spec.key: spec for spec in INDICATORS}
