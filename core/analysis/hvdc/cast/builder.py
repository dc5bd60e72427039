"""Finds the characters of a report and resolves names, nouns and pronouns to them."""

from __future__ import annotations

from ..text import Document
from . import words as W
from .coref import refers_back, restates
from .couples import merge_parent_pairs
from .identity import code_in_context, dedup_key
from .mentions import classifier_possessive, comparison, names_a_thing, not_a_person, proper_animal
from .model import DREAMER, Cast
from .names import attach_name, handle_name
from .nouns import noun_code, noun_code_word, person_word
from .pronouns import default_sexes, handle_pronoun
from .state import CastState, after_has, new_character, prev_words, recent, word_at
from .status import drop_waking_only, mark_dead, mark_told_ages


def _needs_determiner(st: CastState, i: int, lemma: str) -> bool:
    if lemma not in W.AMBIGUOUS:
        return False
    prev = prev_words(st, i, 2)
    if not prev:
        return True
    return not (
        prev[0] in W.DETERMINERS
        or prev[0].endswith("'s")
        or (len(prev) > 1 and prev[1] in W.DETERMINERS)
        or (len(prev) > 1 and prev[0] == "of" and prev[1] in W.GROUP_HEADS)
    )


def _skipped(st: CastState, i: int, lemma: str, code: str) -> bool:
    """Mentions that are not characters of their own (modifiers, group heads...)."""
    nxt = word_at(st, i + 1)
    if lemma in W.ETHNIC_ADJ and (nxt in W.PERSON_HEADS or word_at(st, i - 1) in W.BE_VERBS):
        return True  # "a Negro man" (the man is coded), "she was Japanese" (a predicate)
    if lemma in W.GROUP_HEADS and nxt == "of":
        return True
    if st.toks[i].low in W.HAIR_PERSONS and person_word(st, word_at(st, i + 2)):
        return True  # "a tall blond young man": the man is coded
    if classifier_possessive(st, i, code) or names_a_thing(st, i, lemma, code):
        return True
    if comparison(st, i) or proper_animal(st, i, code):
        return True
    if nxt == "-" and word_at(st, i + 2) == "like":
        return True  # "spider-like": a likeness
    if (
        lemma in W.MODIFIER_PERSONS
        and noun_code_word(st, nxt)
        and not st.toks[i].low.endswith("'s")
    ):
        st.pending = (code[1], "C" if lemma in {"kid", "baby"} else "")
        return True
    if (
        (not code.endswith("*") or lemma == "family")
        and code[1:] not in ("ANI", "CZZ")
        and person_word(st, nxt)
        and not st.toks[i].low.endswith("'s")
        and not st.toks[i + 1].capitalized
    ):
        return True  # "enemy soldiers", "student instructor": the next noun is the person
    return _needs_determiner(st, i, lemma)


def _handle_noun(st: CastState, i: int) -> bool:
    found = noun_code(st, i)
    if found is None:
        return False
    code, lemma = found
    if _skipped(st, i, lemma, code):
        return True
    prev = prev_words(st, i, 5)
    if not_a_person(st, i, lemma, prev) or restates(st, i, prev):
        st.pending = None
        return True
    generic_animal = lemma in {"animal", "animals", "creature", "creatures", "beast", "beasts"}
    if generic_animal and prev and prev[0] in {"the", "this", "that"}:
        animal = recent(st, i, lambda c: c.is_animal and c.number == code[0])
        if animal is not None:
            st.cast.refs[i] = animal
            return True
    if _each_of_a_group(st, i, lemma, prev):
        return True
    code, key_lemma = code_in_context(st, i, lemma, code, prev)
    if lemma in {"boy", "fellow", "man"} and after_has(st, i, W.STEADY_CUES):
        key_lemma = "boyfriend"
    if code[0] != "1" and _joins_group(st, i, code):
        return True
    key, force_new = dedup_key(st, key_lemma, code[0], code[2], prev)
    if key not in st.by_key and refers_back(st, i, lemma, code, prev):
        return True
    if key in st.by_key and not force_new:
        st.cast.refs[i] = st.by_key[key]
    elif st.in_aside:
        return True  # "(my cousin is a little boy)": an aside about waking life
    else:
        new_character(st, code, key, i, plural_noun=code[0] != "1")
    attach_name(st, i)
    return True


def _each_of_a_group(st: CastState, i: int, lemma: str, prev: list[str]) -> bool:
    """``a lot of girls ... each girl had a feat to show``: ``each``/``every`` + a singular
    noun speaks of the members of a group already met, not of a new character."""
    if not prev or prev[0] not in {"each", "every"}:
        return False
    group = st.by_key.get(f"{W.ALIASES.get(lemma + 's', lemma + 's')}:2")
    if group is None or group == DREAMER:
        return False
    st.cast.refs[i] = group
    return True


def _joins_group(st: CastState, i: int, code: str) -> bool:
    """``boys and girls``, ``my aunts, cousins``: coordinated groups are one mixed group."""
    j = i - 1
    while (
        j >= 0
        and i - j <= 4
        and st.toks[j].low
        in {"and", ",", "or", "my", "the", "some", "their", "his", "her", "other"}
    ):
        j -= 1
    if j == i - 1 or j not in st.cast.refs or st.cast.refs[j] == DREAMER:
        return False
    group = st.cast.characters[st.cast.refs[j]]
    if not group.plural or group.is_animal != (code[1:] == "ANI"):
        return False
    if group.sex != code[1] and not group.is_animal:
        group.sex = "J"
    if group.identity == "U" and code[2] == "K":
        group.identity = "K"  # "the boys and girls": the better-known members decide
    st.cast.refs[i] = group.cid
    return True


def build_cast(doc: Document) -> Cast:
    """All characters of the report, coded once each, with every reference resolved.

    One left-to-right pass: each word is tried as a pronoun, a character noun, then a name.
    """
    st = CastState.start(doc)
    depth = 0
    for i, tok in enumerate(st.toks):
        depth += (tok.low == "(") - (tok.low == ")")
        st.in_aside = depth > 0
        if i <= st.skip_until or not tok.is_word:
            continue
        if handle_pronoun(st, i, tok.low) or _handle_noun(st, i):
            continue
        st.pending = None
        handle_name(st, i)
    default_sexes(st)
    merge_parent_pairs(st.doc, st.cast)
    mark_dead(st.doc, st.cast)
    mark_told_ages(st.doc, st.cast)
    drop_waking_only(st.doc, st.cast)
    return st.cast
