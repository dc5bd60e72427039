"""Who a word stands for: the dreamer (D), a character's code, or nobody.

Shared by emotions, misfortunes and striving (the clause's subject feels, suffers or tries)
and by interactions (syntax gives the subject and object; this names them).
"""

from __future__ import annotations

from .cast import Cast
from .nlp import RuDoc

_DREAMER = frozenset({"я", "мы"})
_THIRD = {"он": "masc", "она": "femn", "они": "plur", "оно": ""}
#: Object forms of «он/она/они» that pymorphy3 may read as possessives («её», «его», «их»).
_OBJECT_FORMS = {
    "его": "masc", "него": "masc", "ему": "masc", "нему": "masc", "им": "masc", "ним": "masc",
    "нем": "masc", "ее": "femn", "нее": "femn", "ей": "femn", "ней": "femn", "ею": "femn",
    "нею": "femn", "их": "plur", "них": "plur", "ими": "plur", "ними": "plur",
}  # fmt: skip
_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "!", "?", "но", "а", "что", "когда"})


def actor(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """The code of the person word at ``i`` (D for the dreamer), or None for a non-person."""
    w = doc.words[i]
    if w.lemma in _DREAMER:
        return "D"
    code = cast.code_at(i)
    if code is not None:
        return code
    if w.lemma == "который":  # «ведьма, которая хотела убить нас»: the noun before the comma
        k = i - 1
        while k > 0 and doc.words[k].text in (",", "—"):
            k -= 1
        return cast.code_at(k) if k >= 0 else None
    if w.lemma in _THIRD or w.lower in _OBJECT_FORMS:
        gender = _THIRD[w.lemma] if w.lemma in _THIRD else _OBJECT_FORMS[w.lower]
        return cast.last_before(i, gender) or (
            _indefinite_before(cast, i) if gender != "plur" else None
        )
    return None


def _indefinite_before(cast: Cast, i: int) -> str | None:
    """The latest single character of no known sex («кто-то», «человек»): «он»/«она» can
    point to one when no character of the pronoun's gender is there, and so can an animal
    («насекомое … убить его»); a woman is not «он»."""
    for char in reversed(cast.characters):
        if char.word < i and (char.code[:2] == "1I" or char.code == "1ANI"):
            return char.code
    return None


def clause_subject(doc: RuDoc, cast: Cast, i: int) -> str:
    """Who the clause around ``i`` is about: the nearest person word before it in the clause
    (nominative or dative, «ей было страшно»), or the dreamer."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i - 1, max(sentence.first, i - 8) - 1, -1):
        w = doc.words[j]
        if w.lower in _CLAUSE_END:
            break
        if w.case in ("nomn", "datv") or w.lemma in _DREAMER:
            who = actor(doc, cast, j)
            if who is not None:
                return who
    verb = doc.words[i]
    if verb.pos == "VERB" and verb.person == "3per" and verb.number == "plur":
        return cast.last_before(i, "plur") or "D"
    return "D"
