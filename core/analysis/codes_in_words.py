"""Hall/Van de Castle codes told in words ("1MSA 6> D" → "a stranger (male, adult) chases or
confines you"), for people who never read a coding manual. The code itself stays beside it as a
secondary line; a code this module cannot read is shown as it is, never hidden."""

from __future__ import annotations

from core.analysis.norms.notation import (
    DREAMER,
    NotationError,
    parse_character,
    parse_emotion,
    parse_interaction,
    parse_object,
    parse_outcome,
    parse_setting,
)
from core.i18n import N_, gettext

IDENTITY = {
    "F": N_("your father"), "M": N_("your mother"), "X": N_("your parents"),
    "B": N_("your brother"), "T": N_("your sister"), "H": N_("your husband"),
    "W": N_("your wife"), "A": N_("your son"), "D": N_("your daughter"), "C": N_("your child"),
    "I": N_("your baby"), "Y": N_("a family member"), "R": N_("a relative"),
    "K": N_("someone you know"), "P": N_("a well-known person"),
    "O": N_("someone known by their job"), "E": N_("someone known by their nationality"),
    "S": N_("a stranger"), "U": N_("someone you could not place"),
}  # fmt: skip
SEX = {"M": N_("male"), "F": N_("female"), "J": N_("mixed"), "I": N_("sex unclear")}
AGE = {"A": N_("adult"), "T": N_("teenager"), "C": N_("child"), "B": N_("baby")}
CATEGORY = {
    "characters": N_("Character"), "aggression": N_("Aggression"),
    "friendliness": N_("Friendliness"), "sexuality": N_("Sexuality"),
    "settings": N_("Setting"), "objects": N_("Object"), "emotions": N_("Emotion"),
    "success": N_("Success"), "failure": N_("Failure"), "misfortune": N_("Misfortune"),
    "good_fortune": N_("Good fortune"), "activities": N_("Activity"), "modifiers": N_("Modifier"),
}  # fmt: skip
AGGRESSION = {
    1: N_("feels hostile towards"), 2: N_("is hostile in words to"),
    3: N_("rejects or accuses"), 4: N_("threatens"), 5: N_("robs or damages the things of"),
    6: N_("chases or confines"), 7: N_("attacks"), 8: N_("kills"),
}  # fmt: skip
FRIENDLINESS = {
    1: N_("feels friendly towards"), 2: N_("is friendly in words to"),
    3: N_("gives or lends to"), 4: N_("helps or protects"), 5: N_("invites or welcomes"),
    6: N_("seeks the company of"), 7: N_("wants a lasting bond with"),
}  # fmt: skip
SEXUALITY = {
    1: N_("has sexual thoughts about"), 2: N_("makes sexual overtures to"),
    3: N_("kisses"), 4: N_("caresses"), 5: N_("has intercourse with"),
}  # fmt: skip
EMOTION = {
    "AN": N_("anger"), "AP": N_("apprehension"), "SD": N_("sadness"), "CO": N_("confusion"),
    "HA": N_("happiness"),
}  # fmt: skip
PLACE = {"I": N_("indoors"), "O": N_("outdoors"), "A": N_("indoors or outdoors, unclear"),
         "Q": N_("place unclear"), "N": N_("no setting")}  # fmt: skip
PLACE_KIND = {"F": N_("a familiar place"), "D": N_("a distorted place"),
              "G": N_("a real geographical place"), "U": N_("an unfamiliar place"),
              "Q": N_("familiarity unclear")}  # fmt: skip
OBJECT = {
    "AR": N_("architecture, buildings and rooms"), "HH": N_("household items"),
    "FO": N_("food and drink"), "IW": N_("weapons"), "TR": N_("travel and vehicles"),
    "ST": N_("streets"), "RG": N_("regions and landscapes"), "NA": N_("nature"),
    "CM": N_("communication"), "MO": N_("money"), "CL": N_("clothing"), "BH": N_("the head"),
    "BE": N_("arms, legs, hands or feet"), "BT": N_("the torso"), "BA": N_("the body's inside"),
    "BS": N_("sexual organs"), "IA": N_("implements"), "IR": N_("recreation"),
    "IC": N_("communication devices"), "MS": N_("something else"),
}  # fmt: skip
OUTCOME = {"SU": N_("succeeds"), "FL": N_("fails"), "GF": N_("has good fortune"),
           "M": N_("meets misfortune")}  # fmt: skip
_INTERACTIONS = {"aggression": AGGRESSION, "friendliness": FRIENDLINESS, "sexuality": SEXUALITY}


def category_name(category: str, locale: str) -> str:
    return gettext(CATEGORY.get(category, category), locale)


def _character(code: str, locale: str) -> str:
    if code == DREAMER:
        return gettext(N_("you"), locale)
    found = parse_character(code)
    if found.kind == "animal":
        return gettext(N_("animals") if found.plural else N_("an animal"), locale)
    if found.kind == "creature":
        return gettext(N_("a creature"), locale)
    who = gettext(IDENTITY.get(found.identity, N_("someone")), locale)
    details = [gettext(SEX[s], locale) for s in (found.sex,) if s in SEX]
    details += [gettext(AGE[a], locale) for a in (found.age,) if a in AGE]
    if found.plural:
        who = gettext(N_("a group: {who}"), locale).format(who=who)
    return f"{who} ({', '.join(details)})" if details else who


def _people(codes: tuple[str, ...], locale: str) -> str:
    return gettext(N_(" and "), locale).join(_character(c, locale) for c in codes) or "—"


def _interaction(category: str, code: str, locale: str) -> str:
    found = parse_interaction(code)
    verb = gettext(_INTERACTIONS[category].get(found.level, N_("acts towards")), locale)
    who = _people(found.initiators, locale)
    if found.direction == "*":
        return gettext(N_("{who}: towards themselves ({verb})"), locale).format(who=who, verb=verb)
    whom = _people(found.recipients, locale)
    if found.direction == "=":
        return gettext(N_("{who} and {whom}, both ways: {verb}"), locale).format(
            who=who, whom=whom, verb=verb
        )
    return f"{who} → {whom}: {verb}"


def _other(category: str, code: str, locale: str) -> str:
    if category == "emotions":
        found = parse_emotion(code)
        return f"{gettext(EMOTION[found.kind], locale)} — {_people(found.who, locale)}"
    if category == "settings":
        place = parse_setting(code)
        parts = [PLACE.get(place.location, ""), PLACE_KIND.get(place.quality, "")]
        return ", ".join(gettext(p, locale) for p in parts if p)
    if category == "objects":
        return gettext(OBJECT.get(parse_object(code).cls, N_("something else")), locale)
    if category in ("success", "failure", "misfortune", "good_fortune"):
        outcome = parse_outcome(code)
        verb = gettext(OUTCOME.get(outcome.kind[:1] if outcome.level else outcome.kind, ""), locale)
        return f"{_people(outcome.who, locale)}: {verb}"
    if category == "characters":
        return _character(code, locale)
    raise NotationError(code)


def code_in_words(category: str, code: str, locale: str) -> str | None:
    """The code said in words, or None when it cannot be read (then show the code alone)."""
    try:
        if category in _INTERACTIONS:
            return _interaction(category, code, locale)
        return _other(category, code, locale)
    except (NotationError, KeyError, ValueError):
        return None
