"""Mentions that point back at a character already met: predicates (``he was a stranger``),
appositions (``Al, the bartender``) and definite nouns (``a lady ... the woman``)."""

from __future__ import annotations

from . import words as W
from .identity import dedup_key
from .model import DREAMER, Character, parse_code
from .names import merge_last_into
from .nouns import noun_code
from .state import CastState, recent, word_at, words_after


def refers_back(st: CastState, i: int, lemma: str, code: str, prev: list[str]) -> bool:
    """``A lady came in ... the woman sat down``: a definite plain person noun names a
    character already met (same number, sex and age), not a new one."""
    det = next((k for k, w in enumerate(prev[:3]) if w in {"the", "this", "that"}), None)
    between = prev[:det] if det is not None else []
    if det is None or any(not w.isalpha() or w in W.NOT_SAME for w in between):
        return False  # "the man", "the young man", "this gangster"
    plain = lemma in W.BACK_REFERRING or lemma in W.ETHNIC_ADJ
    if not plain and not (prev[det] in {"this", "that"} and code[0] == "1"):
        return False  # "this gangster", "that fellow": any noun after this/that points back
    if words_after(st, i, 3)[:1] in (["who"], ["whom"], ["that"], ["i"]):
        return False  # "the man who ...", "the boy I go with": introduces someone
    number, sex, _, age = parse_code(code)

    def same(c: Character) -> bool:
        return (
            not c.is_animal
            and c.number == number
            and c.identity not in W.FAMILY_IDENTITIES
            and (c.sex == sex or c.sex in "?I" or sex in "?IJ")
            and (c.age == age or {c.age, age} <= {"B", "C"})
        )

    found = recent(st, i, same)
    if found is None:
        return False
    st.cast.refs[i] = found
    return True


def restates(st: CastState, i: int, prev: list[str]) -> bool:
    """``he was a stranger``, ``Norma (18), a girl who...``: a noun that describes a
    character already there; it may sharpen that character's identity."""
    alternative = _alternative_to(st, i, prev)
    if alternative is not None:
        st.cast.refs[i] = alternative  # another word for the same person
        found = noun_code(st, i)
        char = st.cast.characters[alternative]
        if found and {char.sex, found[0][1]} == {"M", "F"}:
            char.sex = "I"  # "a boy or a girl": the dreamer cannot tell the sex
        return True
    target = _predicate_subject(st, i)
    if target is None:  # not "or": the first character has id 0
        target = _apposition_subject(st, i, prev)
        if target is not None:
            target = _already_met(st, i, target, prev)
    if target is None:
        return False
    st.cast.refs[i] = target
    if target == DREAMER:
        return True
    char = st.cast.characters[target]
    was_unknown = char.identity in "SU"
    found = noun_code(st, i)
    if found and char.identity in "SU" and found[0][2] in "OK":
        char.identity = found[0][2]
    if found and char.sex in "?I" and found[0][1] in "MF" and not char.plural:
        char.sex = found[0][1]  # "a person, a man of about 40": now we know
    if any(w in {"my", "our"} for w in prev[:2]) and char.identity in "SUO":
        char.identity = "K"
    if found and found[0][3] == "*" and prev[:1] in (["my"], ["our"]) and not char.plural:
        char.identity = found[0][2]  # "Sonja, my niece": the dreamer's relative
        if was_unknown:  # "a woman ... it was my mother": a later "my mother" is she
            key, _ = dedup_key(st, found[1], "1", char.identity, prev)
            st.by_key.setdefault(key, target)
    return True


def _alternative_to(st: CastState, i: int, prev: list[str]) -> int | None:
    """``the attendant or lecturer``, ``some men (or boy)``: a noun offered as another word
    for the person just named is that person, not a second one."""
    k = 0
    while k < len(prev) and prev[k] in {"a", "an", "the", "("}:
        k += 1
    if k >= len(prev) or prev[k] != "or":
        return None
    j = i - k - 2
    while j >= 0 and st.toks[j].low in {"(", ","}:
        j -= 1
    ref = st.cast.refs.get(j)
    return None if ref is None or ref == DREAMER else ref


def _already_met(st: CastState, i: int, named: int, prev: list[str]) -> int:
    """``My niece came along ... Sonja, my niece, ran ahead``: the name just read made a
    character of its own, but the noun set beside it is someone already met; they are one."""
    found = noun_code(st, i)
    if found is None or named != len(st.cast.characters) - 1 or not st.cast.characters[named].name:
        return named
    code, lemma = found
    if code[0] != "1" or code[1:] in ("ANI", "CZZ"):
        return named
    key, _ = dedup_key(st, lemma, code[0], code[2], prev)
    met = st.by_key.get(key)
    if met is None or met in (named, DREAMER) or st.cast.characters[met].plural:
        return named
    name = st.cast.characters[named].name
    merge_last_into(st, met)
    st.cast.characters[met].name = st.cast.characters[met].name or name
    return met


def _predicate_subject(st: CastState, i: int) -> int | None:
    j = i - 1
    while j >= 0 and i - j <= 4 and st.toks[j].low in W.PREDICATE_FILLERS:
        j -= 1
    j = _past_adjectives(st, i, j)
    if j < 0 or st.toks[j].low not in W.BE_VERBS or j == i - 1:
        return None
    if word_at(st, j - 1) == "one":
        return None  # "people kept arriving, and one was my friend's boyfriend": a member
    if word_at(st, j - 1) == "it":
        return _unknown_one_recognized(st, i)
    for k in range(j - 1, max(-1, j - 7), -1):
        if st.toks[k].low in {"there", "it", "this", "that", ".", "who's"}:
            return None
        if k in st.cast.refs:
            return st.cast.refs[k]
    return None


def _unknown_one_recognized(st: CastState, i: int) -> int | None:
    """``I could see a woman scrubbing the floor ... it was my mother``: ``it was my X``
    names the stranger just seen (same sex, in this or the last sentence), not a new
    character; without such a stranger (``the phone rang; it was my mother``) it is one."""
    found = noun_code(st, i)
    det = word_at(st, i - 1)
    if found is None or found[0][0] != "1" or det not in {"my", "our", "a", "an"}:
        return None
    sex = found[0][1]
    sent = st.toks[i].sentence
    unsexed_only = det in {"a", "an"}  # "somebody, it was a man": only says the sex

    def stranger(c: Character) -> bool:
        return (
            not c.plural
            and not c.is_animal
            and c.identity in {"S", "U"}
            and (c.sex == sex or c.sex in "?I" or sex in "?IJ")
            and (not unsexed_only or c.sex in "?I")
            and st.toks[c.token].sentence >= sent - 1
        )

    return recent(st, i, stranger)


#: Where a predicate noun phrase starts: ``was a famous dancer``, ``was my music teacher``.
_PREDICATE_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "his", "her", "their"})


def _past_adjectives(st: CastState, i: int, j: int) -> int:
    """``was a famous ballet dancer``: step back over descriptive words to ``a``/``the``."""
    for k in range(j, max(-1, i - 5), -1):
        w = st.toks[k].low
        if w in _PREDICATE_DETERMINERS:
            return k - 1 if k < j else j  # "was a famous dancer", "was my music teacher"
        if not st.toks[k].is_word or (w in st.nouns and w not in W.HAIR_PERSONS) or w in W.BE_VERBS:
            return j
    return j


def _apposition_subject(st: CastState, i: int, prev: list[str]) -> int | None:
    named = _named_before(st, i)
    if named is not None:
        return named
    group = _group_apposition(st, i, prev)
    if group is not None:
        return group
    if len(prev) < 2 or not (prev[0] in {"a", "an"} or prev[1] in {"a", "an"}):
        return None
    lead = prev[1] if prev[0] in {"a", "an"} else (prev[2] if len(prev) > 2 else "")
    if lead not in {",", "("}:
        return None
    last = next(reversed(st.cast.refs), None) if st.cast.refs else None
    if last is None or last < i - 8 or st.cast.refs[last] == DREAMER:
        return None
    head = _head_of_possessor(st, last)
    return st.cast.refs[head if head is not None else last]


_HEDGES = frozenset({"supposedly", "probably", "apparently", "both", "all", "perhaps"})


def _group_apposition(st: CastState, i: int, prev: list[str]) -> int | None:
    """``two girls, supposedly his sisters, came out``: a plural noun set off by a comma
    right after a group says who the group is."""
    if not st.toks[i].low.endswith("s"):
        return None
    k = 0
    if prev[k : k + 1] and prev[k] in {"my", "our", "his", "her", "their"}:
        k += 1
    if prev[k : k + 1] and prev[k] in _HEDGES:
        k += 1
    if not k or prev[k : k + 1] != [","]:
        return None  # "my aunts, cousins, uncles": a list, not an apposition
    ref = st.cast.refs.get(i - k - 2)
    if ref is None or ref == DREAMER or not st.cast.characters[ref].plural:
        return None
    return ref


def _head_of_possessor(st: CastState, t: int) -> int | None:
    """``a friend of my fiance's, a young man``: the apposition describes the friend, not
    the owner named after ``of my``."""
    if word_at(st, t - 1) not in {"my", "his", "her", "our", "their", "the"}:
        return None
    if word_at(st, t - 2) != "of" or t - 3 not in st.cast.refs:
        return None
    return t - 3 if st.cast.refs[t - 3] != DREAMER else None


def _named_before(st: CastState, i: int) -> int | None:
    """``Chuck Branden, my boyfriend (22)``, ``Nancy (19) my ex-roommate``, ``Julia, girl
    living across the hall``: a noun set off right after a name describes that person."""
    if word_at(st, i - 1) == "-" and i > 1 and st.toks[i - 2].is_word:
        i -= 2  # "my ex-roommate", "my step-mother": the noun starts at its prefix
    j = i - 1
    for _ in range(2):  # "the student instructor", "our house mother"
        if j < 0:  # the report opens with the noun ("Mother."): nothing is named before it
            return None
        if word_at(st, j) in {"my", "our", "a", "an", "the"}:
            break
        if not st.toks[j].is_word or st.toks[j].capitalized or j in st.cast.refs:
            break
        j -= 1
    if word_at(st, j) in {"my", "our", "a", "an", "the"}:
        j -= 1
    elif j != i - 1:
        return None
    separated = False
    while j >= 0 and i - j <= 8:
        w = st.toks[j].low
        if w in {",", "(", ")"} or w.isdigit() or w in {"m", "f"}:
            separated = True
            j -= 1
            continue
        break
    if not separated or j < 0:
        return None
    k = j
    while k >= 0 and k not in st.cast.refs and st.toks[k].capitalized and j - k < 3:
        k -= 1  # the last name of "Chuck Branden" points back to "Chuck"
    ref = st.cast.refs.get(k)
    if ref is None or ref == DREAMER:
        return None
    char = st.cast.characters[ref]
    return ref if char.name and not char.plural else None
