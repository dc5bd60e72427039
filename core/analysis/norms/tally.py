"""Per-dream counts behind every indicator (numerators and denominators).

Indicators are ratios of sums over dreams, so each dream is reduced to integer counts first;
keeping the counts per dream also lets the profile compute cluster-aware confidence intervals.
Definitions (the dreamer ``D`` is never a character):
- ``aggressor`` / ``victim`` / ``befriender`` / ``befriended``: one-way (``>``) interactions
  with the dreamer among the initiators / recipients;
- ``dreamer_aggressions``: aggressions with the dreamer on either side, any direction;
- ``dreamer_negative`` = dreamer as victim + dreamer's misfortunes + failures;
  ``dreamer_outcomes`` adds the dreamer as befriended, good fortunes and successes
  (self-negativity as in the norms file: 163/246 for the women).
"""

from __future__ import annotations

from collections import Counter

from core.analysis.norms.card import ParsedCard
from core.analysis.norms.notation import (
    BODY_PART_CLASSES,
    DREAMER,
    TORSO_ANATOMY_CLASSES,
    Interaction,
    Outcome,
)

Tally = Counter[str]


def _character_counts(card: ParsedCard) -> Tally:
    tally: Tally = Counter(characters=len(card.characters))
    for char in card.characters:
        tally["dead_or_imaginary"] += char.dead_or_imaginary
        tally["animals"] += char.kind == "animal"
        if not char.is_human:
            continue
        tally["humans"] += 1
        tally["male"] += char.sex == "M"
        tally["male_or_female"] += char.sex in ("M", "F")
        tally["familiar"] += char.familiar
        tally["friends"] += char.identity == "K"
        tally["family"] += char.family
        tally["plural_humans"] += char.plural
    return tally


def _one_way_roles(interactions: list[Interaction]) -> tuple[int, int]:
    """How often the dreamer initiates / receives a one-way interaction."""
    initiates = sum(i.one_way and DREAMER in i.initiators for i in interactions)
    receives = sum(i.one_way and DREAMER in i.recipients for i in interactions)
    return initiates, receives


def _interaction_counts(card: ParsedCard) -> Tally:
    aggressor, victim = _one_way_roles(card.aggression)
    befriender, befriended = _one_way_roles(card.friendliness)
    dreamer_agg = sum(i.dreamer_involved for i in card.aggression)
    dreamer_fr = sum(i.dreamer_involved for i in card.friendliness)
    return Counter(
        aggressions=len(card.aggression),
        friendlinesses=len(card.friendliness),
        sexualities=len(card.sexuality),
        physical_aggressions=sum(i.level >= 5 for i in card.aggression),
        dreamer_aggressions=dreamer_agg,
        dreamer_aggressions_or_friendlinesses=dreamer_agg + dreamer_fr,
        aggressor=aggressor,
        victim=victim,
        aggressor_or_victim=aggressor + victim,
        befriender=befriender,
        befriended=befriended,
        befriender_or_befriended=befriender + befriended,
    )


def _dreamer_count(outcomes: list[Outcome]) -> int:
    return sum(o.dreamer_involved for o in outcomes)


def _outcome_counts(card: ParsedCard, victim: int, befriended: int) -> Tally:
    successes = _dreamer_count(card.success)
    failures = _dreamer_count(card.failure)
    negative = victim + _dreamer_count(card.misfortune) + failures
    positive = befriended + _dreamer_count(card.good_fortune) + successes
    return Counter(
        dreamer_successes=successes,
        dreamer_strivings=successes + failures,
        misfortunes=len(card.misfortune),
        bodily_misfortunes=sum(o.level in (5, 6) for o in card.misfortune),
        dreamer_negative=negative,
        dreamer_outcomes=negative + positive,
    )


def _setting_object_emotion_counts(card: ParsedCard) -> Tally:
    qualities = Counter(s.quality for s in card.settings)
    locations = Counter(s.location for s in card.settings)
    classes = Counter(o.cls for o in card.objects)
    return Counter(
        indoor=locations["I"],
        indoor_or_outdoor=locations["I"] + locations["O"],
        familiar_settings=qualities["F"],
        familiar_or_unfamiliar_settings=qualities["F"] + qualities["U"],
        familiar_or_distorted_settings=qualities["F"] + qualities["D"],
        known_quality_settings=qualities["F"] + qualities["D"] + qualities["U"],
        body_parts=sum(classes[c] for c in BODY_PART_CLASSES),
        torso_anatomy=sum(classes[c] for c in TORSO_ANATOMY_CLASSES),
        emotions=len(card.emotions),
        negative_emotions=sum(e.negative for e in card.emotions),
    )


def _presence_counts(card: ParsedCard) -> Tally:
    return Counter(
        dreams=1,
        has_aggression=bool(card.aggression),
        has_friendliness=bool(card.friendliness),
        has_sexuality=bool(card.sexuality),
        has_misfortune=bool(card.misfortune),
        has_good_fortune=bool(card.good_fortune),
        has_success=bool(card.success),
        has_failure=bool(card.failure),
        has_striving=bool(card.success or card.failure),
        has_emotion=bool(card.emotions),
    )


def dream_tally(card: ParsedCard) -> Tally:
    """All counts of one dream (see the module docstring for the definitions)."""
    interactions = _interaction_counts(card)
    tally = _character_counts(card)
    tally.update(interactions)
    tally.update(_outcome_counts(card, interactions["victim"], interactions["befriended"]))
    tally.update(_setting_object_emotion_counts(card))
    tally.update(_presence_counts(card))
    return tally
