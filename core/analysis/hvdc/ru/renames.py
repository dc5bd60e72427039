"""When a Russian noun or name renames a character already met instead of adding one.

«пожилой мужчина, мой старый друг», «соседка по комнате, учительница», «друга (парень, 21
год)», «человек пять-шесть (мужчины и женщины)», «Президент был суровый человек»: HVdC counts
each character once, so these words point back to the first mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .nlp import RuDoc, morph_analyzer

if TYPE_CHECKING:
    from .cast import Cast

_OWN = frozenset({"мой", "наш", "свой"})


def apposition(doc: RuDoc, cast: Cast, i: int) -> int | None:
    """The word of the character this noun renames («пожилой мужчина, мой старый друг»)."""
    j = i - 1
    while (j >= 0 and doc.words[j].pos in ("ADJF", "ADVB")) or (
        j >= 0 and doc.words[j].lemma in _OWN
    ):
        j -= 1
    if j < 1 or doc.words[j].text not in (",", "—", "("):
        return None  # «друга (парень, 21 год)» renames as «друг, мой сосед» does
    k = j - 1
    if k >= 2 and cast.code_at(k) is None and doc.words[k - 1].pos == "PREP":
        k -= 2  # «моя соседка по комнате, учительница»
    if cast.code_at(k) is None:
        return None
    # an apposition agrees in case with the noun it renames («с Бобом, моим парнем»)
    same = doc.words[k].case == doc.words[i].case or _indeclinable(doc, i)
    return k if same or (doc.words[j].text == "(" and doc.words[i].case == "nomn") else None


def _indeclinable(doc: RuDoc, i: int) -> bool:
    """«преподавательнице, Дороти Крэндалл»: a foreign name that does not decline shows no
    case of its own, so it agrees with any (pymorphy3 tags it ``Fixd``)."""
    w = doc.words[i]
    return w.name and "Fixd" in morph_analyzer().parse(w.lower)[0].tag


def aside_of(doc: RuDoc, cast: Cast, i: int) -> int | None:
    """«человек пять-шесть (мужчины и женщины)», «каких-то мужчин (или парня)»: a word in
    brackets right after a character tells more of that character, it is no one new."""
    sentence = doc.sentences[doc.sentence_of[i]]
    j = i - 1
    while j > sentence.first and doc.words[j].text not in ("(", ")"):
        j -= 1
    if doc.words[j].text != "(":
        return None
    k = j - 1
    while k > sentence.first and (doc.words[k].pos == "NUMR" or "-" in doc.words[k].text):
        k -= 1
    return k if cast.code_at(k) is not None else None


def subject_renamed(doc: RuDoc, cast: Cast, i: int) -> int | None:
    """«Президент был очень суровый человек»: a noun after «был» says what the subject is."""
    if doc.words[i].case != "nomn":
        return None
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i - 1, max(sentence.first, i - 4) - 1, -1):
        w = doc.words[j]
        if w.lemma == "быть" and w.tense == "past" and j > sentence.first:
            k = j - 1
            return k if cast.code_at(k) is not None and doc.words[k].case == "nomn" else None
        if w.pos not in ("ADJF", "ADVB", "PRTF"):
            return None
    return None


def rename(cast: Cast, word: int, code: str) -> None:
    """Give the character first named at ``word`` the better-informed identity of ``code``
    (a known person renamed as a friend is K, not the stranger S that «мужчина» suggests)."""
    for char in cast.characters:
        if char.word == word and char.code[:2] == code[:2] and char.code[2] in "SU":
            old = char.code
            char.code = code
            for k, v in list(cast.by_word.items()):
                if v == old and k >= word:
                    cast.by_word[k] = code
