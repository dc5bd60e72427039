"""A person noun in apposition: a second name for someone just named («мисс Стовер,
преподавательница», «с другом моего жениха, молодым человеком лет 22», «водитель (мой
начальник)»). HVdC codes each character once, so the second noun is no one new; a list of
people («мама, папа и брат») is told apart by its «и», by a list before, and by two kin terms.
"""

from __future__ import annotations

from .lexicon import lexicon
from .nlp import RuDoc, Word

_QUALIFIERS = frozenset({"ADJF", "PRTF", "NPRO", "NUMR"})
_OPENERS = frozenset({",", "("})
_JOINS = frozenset({"и", "или", "а", ","})
#: How far back the first noun may stand from the comma (its genitive: «другом моего жениха»).
_REACH = 4
_OWN = frozenset({"мой", "наш", "свой"})


def _person(w: Word) -> bool:
    return w.pos == "NOUN" and (w.name or lexicon("characters").get(w.lemma) is not None)


def _kin(w: Word) -> bool:
    entry = lexicon("characters").get(w.lemma)
    return entry is not None and entry.code.endswith("*")


def _phrase_start(doc: RuDoc, i: int) -> int:
    """The first word of the noun's phrase: «моим» in «, моим парнем»."""
    k = i
    while k > 0 and doc.words[k - 1].pos in _QUALIFIERS and doc.words[k - 1].text.isalpha():
        k -= 1
    return k


def _head_before(doc: RuDoc, comma: int) -> int | None:
    """The person noun the comma follows, past its genitive («другом моего жениха,»)."""
    sentence = doc.sentences[doc.sentence_of[comma]]
    for j in range(comma - 1, max(sentence.first, comma - _REACH) - 1, -1):
        w = doc.words[j]
        if _person(w) and (w.case != "gent" or w.name):
            return j  # a name in any case: pymorphy3 may read «Стовер» as a genitive
        if not (w.case == "gent" or w.pos in _QUALIFIERS or w.name or w.text == ")"):
            return None
        if _person(w) and j > sentence.first and doc.words[j - 1].pos == "NOUN":
            continue  # «другом | моего жениха»: the genitive owner, go on to the noun
    return None


def _listed(doc: RuDoc, head: int, i: int) -> bool:
    """«мама, папа и брат», «папа, бабушка, моя соседка»: a list, not a second name."""
    start = _phrase_start(doc, head)
    before = doc.words[start - 1].text.lower() if start > 0 else ""
    after = doc.words[i + 1].text.lower() if i + 1 < len(doc.words) else ""
    if before in ("и", "или") or after in ("и", "или"):
        return True
    if before == "," and start > 1 and _person(doc.words[start - 2]):
        return True
    return after == "," and i + 2 < len(doc.words) and _person(doc.words[i + 2])


def _head_of(doc: RuDoc, i: int) -> int | None:
    """The person noun that the person noun at ``i`` renames, if it stands in apposition."""
    w = doc.words[i]
    if not _person(w):
        return None
    start = _phrase_start(doc, i)
    if start == 0 or doc.words[start - 1].text not in _OPENERS:
        return None
    head = _head_before(doc, start - 1)
    if head is None or _listed(doc, head, i):
        return None
    first = doc.words[head]
    if _kin(first) and _kin(w) and first.lemma != w.lemma:
        return None  # «маму, папу»: two relatives
    if doc.words[start - 1].text == "(":
        return head  # «водитель (мой начальник)»
    qualified = start < i
    same_case = first.case == w.case or first.name or w.name
    return head if same_case and (first.name or w.name or qualified) else None


def _owned(doc: RuDoc, i: int) -> bool:
    return any(w.lemma in _OWN for w in doc.words[_phrase_start(doc, i) : i])


def _renames_better(doc: RuDoc, second: int, first: int) -> bool:
    """The second name tells more of who it is: a name («преподавательнице, Дороти»), or
    the dreamer's own («пожилой мужчина, мой старый друг»); HVdC codes what is known."""
    a, h = doc.words[second], doc.words[first]
    return (a.name and not h.name) or (
        not h.name and _owned(doc, second) and not _owned(doc, first)
    )


def kept_partner(doc: RuDoc, i: int) -> int | None:
    """The other name of the person noun at ``i`` when the two name one person and the other
    one is kept (the second unless ``i`` tells more of who it is, then the first)."""
    head = _head_of(doc, i)
    if head is not None and not _renames_better(doc, i, head):
        return head
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(i + 2, min(sentence.last, i + 2 + _REACH + 2)):
        if _head_of(doc, k) == i:
            return k if _renames_better(doc, k, i) else None
    return None


def apposition(doc: RuDoc, i: int) -> bool:
    """Whether the person noun at ``i`` is one of two names for one person and the other one
    is kept (:func:`kept_partner`)."""
    return kept_partner(doc, i) is not None
