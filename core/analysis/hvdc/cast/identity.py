"""The full code of a character noun in its context (number, sex, identity, age) and
the key that tells whether a mention is a character already met."""

from __future__ import annotations

from . import words as W
from .group_sex import small_group_sex
from .mentions import one_of
from .model import DREAMER, parse_code
from .names import stated_age
from .state import CastState, after_has, word_at, words_after


def code_in_context(
    st: CastState, i: int, lemma: str, code: str, prev: list[str]
) -> tuple[str, str]:
    """The full character code of the noun at i in its context, and its dedup lemma."""
    if code[1:] in ("ANI", "CZZ"):
        return code, lemma
    number, sex, identity, age = parse_code(code)
    family = age == "*"
    age = "A" if family else age
    if one_of(st, prev):
        number = "1"
        sex = "I" if sex == "J" else sex
        lemma = lemma[:-1] if lemma.endswith("s") else lemma
    sex = small_group_sex(lemma, sex, prev)
    if st.pending:
        lent_sex, age = st.pending[0], st.pending[1] or age
        sex = lent_sex if lent_sex in "MF" or sex in "?IJ" else sex  # "kid sister" stays F
        st.pending = None
    if sex in "?IJ" and any(w in W.SEX_ADJ for w in prev[:2]):
        sex = W.SEX_ADJ[next(w for w in prev[:2] if w in W.SEX_ADJ)]  # "a male friend"
    identity = _identity(st, i, lemma, identity, prev, family)
    age = _age(st, lemma, age, prev)
    told_age, told_sex = stated_age(st, i)
    age = told_age or age
    if told_sex and sex in "?I":
        sex = told_sex
    return f"{number}{sex}{identity}{age}", lemma


_HOUSES = frozenset({"fraternity", "frat", "sorority", "lodge", "church"})


def _possessor(st: CastState, i: int) -> str:
    """The word that owns the noun at i, looking past ``(20)``-style asides."""
    j = i - 1
    while j >= 0 and (st.toks[j].low in {"(", ")", ","} or st.toks[j].low.isdigit()):
        j -= 1
    if word_at(st, j) == "and" and st.nouns.get(word_at(st, j - 1), "").endswith("*"):
        return _possessor(st, j - 1)  # "his mother and father": the father is his too
    return word_at(st, j)


def _identity(
    st: CastState, i: int, lemma: str, identity: str, prev: list[str], family: bool
) -> str:
    poss = prev[0] if prev else ""
    if family and poss in _HOUSES:
        return "K"  # "my fraternity brothers", "sorority sisters": members, not family
    if family:
        owner = _possessor(st, i)
        if owner[:-2] in W.KIN and word_at(st, i - 2) in {"my", "our"}:
            return "R"  # "my sister's baby", "my grandmother's sister": a relative
        if st.third_person and owner in {"her", "subject's", "dreamer's"}:
            return identity  # "Subject ... her parents": the dreamer's own family
        other = owner.endswith("'s") or owner in W.OTHER_POSS or owner in {"a", "an"}
        other = other or (owner == "the" and word_at(st, i + 1) == "of")
        if not other:
            return identity
        return _kin_of(st, i - 1)  # "his father", "the father of a friend"
    if prev and prev[0] in W.ETHNIC_ADJ:
        return "E"
    if lemma == "people" and poss in {"other", "several"}:
        return "U"
    if lemma == "children" and poss == "the" and identity == "S":
        return "U"  # "the children": a group the dreamer tends but cannot name
    if (
        identity in {"S", "K"}
        and lemma in W.PERSON_HEADS
        and (poss == "some" or (poss == "other" and lemma.endswith(("s", "people", "men"))))
    ):
        return "K" if _known_clause(st, i) else "U"  # "some girl": the dreamer can't say
    if poss in {"sorority", "fraternity", "dorm", "dormitory"}:
        return "K"
    if identity == "K" and lemma in W.PEER_NOUNS and any(w in W.LITTLE for w in _adjectives(prev)):
        identity = "S"  # "a little girl": a child, not one of the dreamer's peers
    if identity in {"S", "K"} and (
        any(w in W.STRANGE for w in prev[:2]) or after_has(st, i, W.STRANGER_CUES)
    ):
        return "S"
    if identity in {"S", "K"} and _uncertain_clause(st, i):
        return "U"
    mine = any(w in {"my", "our"} for w in prev[:3]) and not any(w.endswith("'s") for w in prev[:3])
    if identity in {"S", "O", "U"} and (mine or _known_clause(st, i)):
        return "K"  # "my Sunday school pupils", "a girl in my Spanish class"
    if (
        identity == "O"
        and any(w in {"my", "our"} for w in prev[1:3])
        and not any(w.endswith("'s") for w in prev[:2])
    ):
        return "K"  # "my economics teacher", "our family doctor": known personally
    if identity == "S" and poss in W.OTHER_POSS | {"neighborhood"}:
        return "K"
    if (
        identity == "O"
        and lemma in {"teacher", "professor", "instructor", "dean", "principal", "coach"}
        and poss in {"the", "our", "my"}
    ):
        return "K"
    return identity


def _kin_of(st: CastState, j: int) -> str:
    """Someone else's family member is known (K) through a known owner, a stranger (S)
    through a stranger: "the man I was with ... his father", "a girl ... her parents"."""
    owner = st.cast.refs.get(j)
    if owner is None or owner == DREAMER:
        return "K"
    identity = st.cast.characters[owner].identity
    if identity in W.FAMILY_IDENTITIES:
        return "R"  # "my cousin ... her mother", "my brother ... his wife": the dreamer's kin
    return "S" if identity in {"S", "U", "O"} else "K"


def _known_clause(st: CastState, i: int) -> bool:
    """``the boy I go with``, ``a woman who was my teacher``, ``a girl in my class``: the
    words after the noun say the dreamer knows this person."""
    words = words_after(st, i)
    if words and words[0] in {"whom", "who", "that"}:
        words = words[1:]
    if len(words) >= 2 and words[0] == "i" and words[1] in W.KNOW_VERBS:
        return True
    text = " " + " ".join(words) + " "
    if W.MY_GROUP.search(text):
        return True  # "in my Spanish class", "from our dorm"
    return after_has(st, i, W.KNOWN_CUES)


def _uncertain_clause(st: CastState, i: int) -> bool:
    """``a girl, I'm not sure who``, ``a man who seemed familiar``: identity uncertain."""
    sent = st.toks[i].sentence
    words = []
    for j in range(i + 1, min(len(st.toks), i + 12)):
        if st.toks[j].sentence != sent:
            break
        words.append(st.toks[j].low)
    text = " ".join(words)
    if any(cue in text for cue in W.UNCERTAIN_CUES):
        return True
    nxt = [t.low for t in st.toks[i + 1 : i + 14] if t.sentence == sent + 1]
    return bool(W.UNCERTAIN_OF_THEM.search(" ".join(nxt)))  # "a man. I must have known him"


def _age(st: CastState, lemma: str, age: str, prev: list[str]) -> str:
    if lemma in W.CHILD_NOUNS and any(w in W.CHILD_ADJ for w in _adjectives(prev)):
        return "C"
    if prev and prev[0] in {"teen-age", "teenage", "teen"}:
        return "T"
    return age


def _adjectives(prev: list[str]) -> list[str]:
    """The words before a noun back to its determiner: ``a little dark-haired boy``."""
    out: list[str] = []
    for w in prev[:6]:
        if w in W.DETERMINERS or not (w.isalpha() or w == "-"):
            break
        out.append(w)
    return out or prev[:2]


def dedup_key(
    st: CastState, lemma: str, number: str, identity: str, prev: list[str]
) -> tuple[str, bool]:
    """Dedup key (same key, same character) and whether this mention starts a new one."""
    det = prev[0] if prev else ""
    if det == "other" and len(prev) > 1 and prev[1] == "the":
        det = "the"
    force_new = (
        det in {"another", "other", "second", "new"}
        and identity not in W.FAMILY_IDENTITIES
        and number == "1"
    ) or (number != "1" and det in {"another", "other", "different", "more"})
    plain = f"{W.ALIASES.get(lemma, lemma)}:{number}"
    if identity in {"M", "F", "H", "W", "X"}:
        if det in {"the", "both", ""} and plain in st.by_key:
            return plain, False  # "his parents ... both parents": the same pair
        return f"family:{identity}", False  # "father", "Dad" and "daddy" are one man
    return f"{W.ALIASES.get(lemma, lemma)}:{number}", force_new
