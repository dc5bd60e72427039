"""Named characters: first names, titles (``Mrs. Brown``), prominent people, and names that
belong to a noun just mentioned (``my friend Betty``, ``cousin (29) Jack``)."""

from __future__ import annotations

from ..lexicon import is_common_word
from . import words as W
from .model import DREAMER, age_class, number_is_no_age
from .state import CastState, new_character, recent, word_at


def stated_age(st: CastState, i: int) -> tuple[str | None, str | None]:
    """Age class and sex from a parenthesis like ``(16)`` or ``(m, 23)`` after token i."""
    toks = st.toks
    j = i + 1
    while j < len(toks) and j <= i + 3 and toks[j].low in {".", "'s", "of", "mine", "ours"}:
        j += 1
    if j >= len(toks) or toks[j].low not in {"(", "["}:
        return _told_age(st, i), None
    sex: str | None = None
    age: str | None = None
    for k in range(j + 1, min(len(toks), j + 9)):
        w = toks[k].low
        if w in {"m", "male", "man", "boy"}:
            sex = "M"
        elif w in {"f", "female", "woman", "girl"}:
            sex = "F"
        elif w.isdigit() and age is None:
            if number_is_no_age(toks[k - 1].low, [t.low for t in toks[k + 1 : k + 3]]):
                return None, sex  # "(he is 4 years older than me)"
            age = age_class(int(w))  # "(33-year-old male)": the sex may still follow
        elif w in {")", "]"}:
            break
    return age, sex


def _told_age(st: CastState, i: int) -> str | None:
    """``a little girl, about 6 years old``, ``a man of 40``: an age told in words."""
    toks = st.toks
    sent = toks[i].sentence
    for k in range(i + 1, min(len(toks), i + 8)):
        if toks[k].sentence != sent:
            break
        w = toks[k].low
        if not w.isdigit():
            continue
        before = toks[k - 1].low
        after = toks[k + 1].low if k + 1 < len(toks) else ""
        if before == "about" and k > 1 and toks[k - 2].low == "for":
            before = "for"  # "known for about 3 years": how long, not how old
        if number_is_no_age(before, [t.low for t in toks[k + 1 : k + 3]]):
            continue
        if after in {"years", "year"} or before in {"about", "age", "aged", "of"}:
            return age_class(int(w)) if len(w) <= 3 else None
        if (before in {",", "is", "was"} or k == i + 1) and len(w) <= 2 and k <= i + 4:
            return age_class(int(w))  # "my sister, 17,", "my cousin who is 17", "brother 13"
    return _hyphenated_age(st, i)


def _hyphenated_age(st: CastState, i: int) -> str | None:
    """``my 11-year-old sister``: an age written before the noun."""
    words = [word_at(st, k) for k in range(i - 5, i)]
    if words[-4:-1] == ["-", "year", "-"] and words[-1] == "old" and words[0].isdigit():
        return age_class(int(words[0])) if len(words[0]) <= 2 else None
    return None


def _name_key(st: CastState, j: int) -> str:
    w = st.toks[j].low
    return w[:-2] if w.endswith("'s") else w


def name_end(st: CastState, j: int) -> int:
    """Last token of a name such as ``Jimmy L.`` or ``Clark Gable``."""
    k = j
    while k + 1 < len(st.toks):
        nxt = st.toks[k + 1]
        if (
            nxt.is_word
            and nxt.capitalized
            and nxt.low not in W.NON_PERSON
            and nxt.low not in st.nouns
            and nxt.low not in W.PLACE_SUFFIXES
        ) or (nxt.low == "." and len(st.toks[k].text) == 1):
            k += 1
        else:
            break
    return k


def _titled(st: CastState, j: int) -> str | None:
    """The title before a name (``Mrs`` in ``Mrs. Brown``), if any."""
    prev = word_at(st, j - 1)
    if prev == "." and word_at(st, j - 2) in W.TITLES:
        return word_at(st, j - 2)
    return prev if prev in W.TITLES and prev not in {"sister", "brother"} else None


def is_name(st: CastState, j: int) -> bool:
    tok = st.toks[j]
    if not (tok.is_word and tok.capitalized) or tok.low == "i":
        return False
    w = _name_key(st, j)
    if w in W.NON_PERSON or w in st.nouns:
        return False
    after = st.toks[name_end(st, j) + 1].low if name_end(st, j) + 1 < len(st.toks) else ""
    if after in W.PLACE_SUFFIXES or _names_a_thing(st, name_end(st, j) + 1):
        return False
    if _titled(st, j) or w in W.PROMINENT:
        return True
    sentence_start = j == 0 or st.toks[j - 1].sentence != tok.sentence
    if w in st.names:
        if sentence_start and w in W.WORDLIKE_NAMES:
            return False
        if _crossing(st, j):
            return False
        return not (w in W.GEO_NAMES and word_at(st, j - 1) in W.PLACE_PREPS)
    if word_at(st, j - 1) in W.PLACE_PREPS:
        return False
    if word_at(st, j + 1) == "(" and word_at(st, j + 2).isdigit():
        return True
    return _unknown_name(st, j, w, sentence_start)


def _crossing(st: CastState, j: int) -> bool:
    """``standing on Chester and Euclid``: two names after ``on``/``at`` joined by ``and``,
    the second no first name, are a street corner."""
    if word_at(st, j - 1) not in {"on", "at", "of"} or word_at(st, j + 1) != "and":
        return False
    other = st.toks[j + 2] if j + 2 < len(st.toks) else None
    return (
        other is not None
        and other.capitalized
        and not other.low.endswith("'s")
        and other.low not in st.names
    )


def _unknown_name(st: CastState, j: int, w: str, sentence_start: bool) -> bool:
    """A capitalized word inside a sentence that is no place and no common word
    (``Marv C and I``) is taken for someone's name."""
    tok = st.toks[j]
    if tok.text.isupper() and len(tok.text) in (2, 3) and tok.text.isalpha():
        return w not in W.NOT_INITIALS  # "SM", "GS": people named by their initials
    if (tok.text.isupper() and len(tok.text) > 1) or len(w) < 3:
        return False
    nxt, nxt2 = st.toks[j + 1] if j + 1 < len(st.toks) else None, word_at(st, j + 2)
    initial = (
        nxt is not None
        and len(nxt.text) == 1
        and nxt.text.isupper()
        and (nxt.text != "I" or nxt2 == ".")
    )
    person_context = initial or (nxt is not None and nxt.low == "and" and nxt2 in {"i", "me"})
    if not sentence_start:
        person_context = person_context or word_at(st, j - 1) in W.BEFORE_PERSON
    return person_context and w not in W.GEO_NAMES and not is_common_word(w)


def handle_name(st: CastState, i: int) -> bool:
    if not is_name(st, i):
        return False
    w = _name_key(st, i)
    key = "name:" + w
    end = name_end(st, i)
    st.skip_until = end
    title = _titled(st, i)
    if key in st.by_key and not _other_sex(st, st.by_key[key], title):
        st.cast.refs[i] = st.by_key[key]
        return True
    owner = _bracketed_name_of(st, i, end) if st.in_aside else None
    if owner is not None:
        _claim_name(st, i, owner)  # "my girlfriend (Connie)"
        return True
    if st.in_aside or _names_a_brand(st, end):
        return True
    named = _named_as(st, i)
    if named is not None and not st.cast.characters[named].plural:
        _claim_name(st, i, named)  # "a boy whom I thought was Jimmy", "his name was Mr. B."
        return True
    sex = W.TITLES.get(title, "?") if title else "?"
    if sex == "?":
        sex = st.names.get(w, "?")
    parts = [_name_key(st, k) for k in range(i, end + 1) if st.toks[k].is_word]
    identity = "P" if any(p in W.PROMINENT for p in parts) else "K"
    age, stated_sex = stated_age(st, end)
    cid = new_character(st, f"1{stated_sex or sex}{identity}{age or 'A'}", key, i)
    st.cast.characters[cid].name = w
    for part in parts[1:]:
        if len(part) > 2:  # "Franklin D. Roosevelt" is later just "Roosevelt"
            st.by_key.setdefault("name:" + part, cid)
    return True


def _bracketed_name_of(st: CastState, i: int, end: int) -> int | None:
    """``the boy I go with at Bowling Green (Doug)``, ``my girlfriend (Connie)``: a name alone
    in brackets names the last unnamed person met in its sentence."""
    if word_at(st, i - 1) != "(" or word_at(st, end + 1) != ")":
        return None
    sex = st.names.get(_name_key(st, i), "?")
    sent = st.toks[i].sentence
    owner = recent(
        st,
        i,
        lambda c: (
            not c.plural
            and not c.is_animal
            and not c.name
            and (sex == "?" or c.sex in (sex, "?", "I"))
            and st.toks[c.token].sentence == sent
        ),
    )
    return owner


#: Words between a character and a name that says who the character is.
_NAMING = frozenset({"whom", "who", "that", "i", "we", "thought", "think", "was", "is", "be"})


def _named_as(st: CastState, i: int) -> int | None:
    """The character a name at i only names: ``his name was Mr. Bernstein`` (the owner of the
    name), ``a boy whom I thought was Jimmy`` (the noun the clause is about)."""
    j = i - 1
    while j >= 0 and word_at(st, j) in {".", "mr", "mrs", "miss", "ms", "dr"}:
        j -= 1
    if word_at(st, j) not in {"was", "is"}:
        return None
    if word_at(st, j - 1) in {"really", "actually"}:
        j -= 1  # "his name really was Mr. Saferstein"
    if word_at(st, j - 1) == "name":
        owner = st.cast.refs.get(j - 2)
        return owner if owner is not None and owner != DREAMER else None
    k = j - 1
    while k >= 0 and j - k <= 5 and word_at(st, k) in _NAMING:
        k -= 1
    if word_at(st, k + 1) not in {"whom", "who", "that"}:
        return None
    ref = st.cast.refs.get(k)
    return ref if ref is not None and ref != DREAMER else None


def _other_sex(st: CastState, cid: int, title: str | None) -> bool:
    """``Tony Martin ... Mrs. Martin``: a title of the other sex names someone else."""
    sex = W.TITLES.get(title or "", "?")
    known = st.cast.characters[cid].sex
    return sex in "MF" and known in "MF" and sex != known


def _names_a_brand(st: CastState, end: int) -> bool:
    """``my Shakespeare class``, ``a Lincoln sedan``, ``Walt Disney characters``: a name
    that only qualifies the thing after it is no one in the dream."""
    if st.toks[end].low.endswith("'s"):
        return False
    nxt = word_at(st, end + 1)
    return nxt in st.objects or nxt in st.places or nxt in {"characters", "name"}


def _names_a_thing(st: CastState, k: int) -> bool:
    """``a green Lincoln sedan``, ``Donald Duck``: a capitalized word right before an object
    noun or a capitalized animal word names a make or a cartoon, not a person."""
    if k >= len(st.toks) or not st.toks[k].is_word or st.toks[k - 1].low.endswith("'s"):
        return False  # "Marie's house": the owner of a thing is a person
    tok = st.toks[k]
    code = st.nouns.get(tok.low, "")
    if tok.capitalized:
        return code[1:] in ("ANI", "CZZ") and tok.sentence == st.toks[k - 1].sentence
    return tok.low in st.objects and tok.low not in W.VERB_LIKE_OBJECTS


def attach_name(st: CastState, i: int) -> None:
    """``my friend Betty``, ``cousin (29) Jack``, ``the instructor of the class, Dorothy
    Crandall``: a following name belongs to the noun (past an ``of``/``from`` phrase only
    when a comma sets the name off)."""
    cid = st.cast.refs[i]
    commas = 0
    phrase = False
    for j in range(i + 1, min(len(st.toks), i + 7)):
        tok = st.toks[j]
        commas += tok.low == ","
        if tok.low in _PHRASE_HEADS and not commas:
            phrase = True
            continue
        if (tok.low in W.SKIP_TO_NAME or tok.low.isdigit()) and commas < 2:
            continue
        if phrase and not commas and _plain_word(st, j):
            continue  # "of the class": the name comes after the comma
        if (commas or not phrase) and is_name(st, j) and _compatible(st, cid, j):
            _claim_name(st, j, cid)
        return


_PHRASE_HEADS = frozenset({"of", "from"})


def _plain_word(st: CastState, j: int) -> bool:
    """A lower-case word that refers to no one: ``the``, ``class`` in ``of the class``."""
    tok = st.toks[j]
    return tok.is_word and not tok.capitalized and j not in st.cast.refs and tok.low not in st.nouns


def _compatible(st: CastState, cid: int, j: int) -> bool:
    char = st.cast.characters[cid]
    sex = st.names.get(_name_key(st, j), "?")
    if char.is_animal:
        return not char.plural
    return not char.plural and (char.sex in "?I" or sex == "?" or sex == char.sex)


def _claim_name(st: CastState, j: int, cid: int) -> None:
    name = _name_key(st, j)
    existing = st.by_key.get("name:" + name)
    st.skip_until = max(st.skip_until, name_end(st, j))
    if existing is not None and existing != cid and cid == len(st.cast.characters) - 1:
        merge_last_into(st, existing)
        st.cast.refs[j] = existing
        return
    char = st.cast.characters[cid]
    char.name = char.name or name
    st.by_key.setdefault("name:" + name, cid)
    if char.sex in "?I" and not char.is_animal:
        char.sex = st.names.get(name, char.sex)
    st.cast.refs[j] = cid


def merge_last_into(st: CastState, target: int) -> None:
    """Drop the character just created: it was another mention of ``target``."""
    last = st.cast.characters.pop()
    for t in reversed(st.cast.refs):
        if t < last.token:
            break
        if st.cast.refs[t] == last.cid:
            st.cast.refs[t] = target
    for key, ref in list(st.by_key.items()):
        if ref == last.cid:
            st.by_key[key] = target
