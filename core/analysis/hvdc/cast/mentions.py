"""Mentions of character nouns that name no one in the dream: a likeness (``like a dancer``),
a role of the dreamer (``I was a waitress``), a noun that only qualifies a thing (``the
driver's wheel``), a name, an idiom or a negation."""

from __future__ import annotations

from . import words as W
from .names import is_name, name_end
from .state import CastState, prev_words, word_at


def classifier_possessive(st: CastState, i: int, code: str) -> bool:
    """``a doctor's office``, ``the young people's group``: the possessive only says what
    kind of thing follows; ``my father's store`` still names the father."""
    if not st.toks[i].low.endswith("'s") or code.endswith("*"):
        return False
    if st.toks[i].low[:-2] in W.UNCERTAIN_SELF:
        return True  # "someone's napkin", "somebody's death": no one in the dream
    prev = prev_words(st, i, 2)
    det = prev[0] if prev else ""
    if det in {"young", "old", "little"} and len(prev) > 1:
        det = prev[1]
    return det in {"", "a", "an", "some", "young"} or (det == "the" and code[0] == "2")


def names_a_thing(st: CastState, i: int, lemma: str, code: str) -> bool:
    """``the driver's wheel``, ``a guard rail``, ``the ladies' room``: a person noun that
    only qualifies the object or place after it, for someone never met in the dream."""
    if (code.endswith("*") and lemma != "family") or code.endswith("CZZ"):
        return False  # "my father's store" names the father; "our family car" no one
    nxt = word_at(st, i + 1)
    if nxt == "'":
        nxt = word_at(st, i + 2)
    if not (nxt in st.objects or nxt in st.places or nxt in W.QUALIFIED_THINGS):
        return False
    return f"{W.ALIASES.get(lemma, lemma)}:{code[0]}" not in st.by_key


def proper_animal(st: CastState, i: int, code: str) -> bool:
    """``Los Angeles``, ``in Buffalo``: a capitalized animal or creature word inside a
    sentence is a place or a name, not a creature."""
    tok = st.toks[i]
    starts = i == 0 or st.toks[i - 1].sentence != tok.sentence
    return code[1:] in ("ANI", "CZZ") and tok.capitalized and not starts


def comparison(st: CastState, i: int) -> bool:
    """``like a ballet dancer``, ``worked as a waitress``: a likeness or a role, no one."""
    prev = prev_words(st, i, 5)
    for k, w in enumerate(prev[:3]):
        if w in {",", "and", "or"} or w in W.BE_VERBS:
            return False
        if w == "like" and word_at(st, i + 1) not in {"who", "that"}:
            return True
        if w == "as":
            return _as_a_role(prev, k)
    return False


def _as_a_role(prev: list[str], k: int) -> bool:
    """``invited his son as a guest``, ``recognized him as a man I had worked for``: ``as a``
    gives a role or restates someone; ``as a few friends and I ran`` and ``as soon as a
    man came`` are a time clause, where a new character may enter."""
    before = prev[k + 1] if len(prev) > k + 1 else ""
    if before in W.ROLE_VERBS:
        return True
    if not before or before in {"soon", "long", "just", "well", ",", "and", "but"}:
        return False
    return any(w in {"a", "an"} for w in prev[:k]) and not any(
        w in {"few", "couple", "group"} for w in prev[:k]
    )


#: ``many others``: a group not met before; ``the others`` points back at one.
_NEW_OTHERS = frozenset({"many", "several", "some", "few", "numerous", "various"})


def not_a_person(st: CastState, i: int, lemma: str, prev: list[str]) -> bool:
    """Uses of character nouns that name no one: ``a date with``, ``we were friends``."""
    nxt = word_at(st, i + 1)
    if lemma == "date":
        return not prev or prev[0] not in {"my", "his", "her"} or nxt in {"with", "of", "for"}
    if lemma == "person" and (not prev or prev[0] not in {"a", "another", "one"}):
        return True
    if lemma == "person" and any(w in _MODALS for w in prev[2:4]):
        return True  # "these seals could kill a person": anyone, no one in the dream
    if st.toks[i].low == "others" and prev and prev[0] not in _NEW_OTHERS:
        return True  # "the others", "my friends and others": people already met
    if prev and (prev[0] == "no" or (prev[0] in {"a", "an"} and prev[1:2] == ["myself"])):
        return True  # "no audience", "felt myself a stranger"
    if prev[:2] in (["more", "no"], ["one", "not"]):
        return True  # "no more animals", "not one seal"
    if prev[:1] == ["any"] and any(w in _NEGATIONS for w in prev[1:4]):
        return True  # "he doesn't have any sisters", "I didn't see any people"
    if prev[:1] in (["a"], ["an"]) and prev[1:2] in (["felt"], ["feel"], ["feeling"]):
        return True  # "feeling a stranger": how the dreamer feels
    if prev[:2] == ["all", "of"] or (st.toks[i].low == "people" and nxt == "like"):
        return True  # "she of all people", "people like me": idioms and generic people
    if prev[:1] and prev[0] in W.PRONOUNS and st.toks[i].low in W.AMBIGUOUS_VERBS:
        return True  # "they dove", "we fish": a verb, not an animal
    if _denied_predicate(prev_words(st, i, 7)):
        return True  # "she is not one of my best friends": says who someone is not
    if st.toks[i].low.endswith("s") and any(w in {"we", "us"} for w in prev[:2]):
        return True  # "we girls", "us two girls": the dreamer's own party
    if _listed_by_name(st, i):
        return True
    if _counterfactual(prev):
        return True  # "I should have married another fellow": no one in the dream
    if prev[:1] and prev[0] in _OWNERS:
        prev = prev[1:]  # "had become our landlords", "were my friends"
    return (
        bool(prev)
        and prev[0] in {"were", "are", "make", "made", "become", "became"}
        and (st.toks[i].low.endswith("s"))
    )


_MODALS = frozenset({"could", "would", "can", "might", "may", "should", "will"})
_NEGATIONS = frozenset(
    {"not", "n't", "doesn't", "don't", "didn't", "never", "without", "hardly", "wasn't", "weren't"}
)
_OWNERS = frozenset({"my", "our", "his", "her", "their", "your"})


def _denied_predicate(prev: list[str]) -> bool:
    """``she is not one of my best friends``: ``be not`` + the noun's own phrase; not ``I was
    not packed, and mother was...`` (a clause boundary between)."""
    if "not" not in prev[:6]:
        return False
    k = prev.index("not")
    between = prev[:k]
    if any(w in {",", "and", "but", "or", "."} or w in W.BE_VERBS for w in between):
        return False
    return any(w in W.BE_VERBS for w in prev[k:][:2])


def _counterfactual(prev: list[str]) -> bool:
    """``should have married another fellow``, ``would have liked a sister``: someone only
    wished for or imagined is not met in the dream."""
    for k in range(1, min(len(prev) - 1, 4)):
        if prev[k] == "have" and prev[k + 1] in {"should", "would", "could", "might"}:
            return True
    return False


def _listed_by_name(st: CastState, i: int) -> bool:
    """``two boys, Leonard and John``: the group is coded as the named people it lists."""
    if not st.toks[i].low.endswith("s"):
        return False
    comma = next(
        (k for k in range(i + 1, min(len(st.toks), i + 6)) if word_at(st, k) in {",", "."}),
        None,
    )  # "two of my girlfriends from high school, EL and DG"
    return (
        comma is not None
        and word_at(st, comma) == ","
        and comma + 1 < len(st.toks)
        and is_name(st, comma + 1)
        and word_at(st, name_end(st, comma + 1) + 1) in {"and", ",", "("}
    )


def one_of(st: CastState, prev: list[str]) -> bool:
    """``one of the girls``, ``one of my best friends``: a single member of a group."""
    for k in range(min(len(prev), 5) - 1):
        if prev[k] == "of" and prev[k + 1] == "one":
            return all(w in W.DETERMINERS or w not in W.BE_VERBS for w in prev[:k])
    return False
