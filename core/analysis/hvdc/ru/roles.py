"""Who a word stands for: the dreamer (D), a character's code, or nobody.

Shared by emotions, misfortunes and striving (the clause's subject feels, suffers or tries)
and by interactions (syntax gives the subject and object; this names them).
"""

from __future__ import annotations

from .cast import Cast
from .nlp import RuDoc
from .speech import speech_opening

_DREAMER = frozenset({"я", "мы"})
_THIRD = {"он": "masc", "она": "femn", "они": "plur", "оно": ""}
#: Object forms of «он/она/они» that pymorphy3 may read as possessives («её», «его», «их»).
_OBJECT_FORMS = {
    "его": "masc", "него": "masc", "ему": "masc", "нему": "masc", "им": "masc", "ним": "masc",
    "нем": "masc", "ее": "femn", "нее": "femn", "ей": "femn", "ней": "femn", "ею": "femn",
    "нею": "femn", "их": "plur", "них": "plur", "ими": "plur", "ними": "plur",
}  # fmt: skip
_INSTRUMENTAL_PREPOSITIONS = frozenset(
    {"с", "со", "над", "надо", "под", "подо", "перед", "передо", "за", "между"}
)
_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "!", "?", "но", "а", "что", "когда"})


def actor(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """The code of the person word at ``i`` (D for the dreamer), or None for a non-person."""
    w = doc.words[i]
    quote = speech_opening(doc, i) if w.lemma in ("я", "ты") else None
    if quote is not None:
        return _speaker(doc, cast, quote) if w.lemma == "я" else _addressee(doc, cast, quote)
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
    if w.lemma == "один" and i + 2 < len(doc.words) and doc.words[i + 1].lower == "из":
        return _one_of(doc, cast, i + 2)
    if w.lemma in ("один", "другой") and w.case == "nomn" and _acts_next(doc, i):
        return _member(doc, cast, i)  # «двое парней. Один схватил меня, другой …»
    if w.lemma == "тот" and _standing_alone(doc, i):
        # «отругал мальчика, и тот заплакал»: «тот» is the one last named
        return _antecedent(doc, cast, i, "plur" if w.number == "plur" else w.gender)
    if w.lemma in _THIRD or w.lower in _OBJECT_FORMS:
        genders = _readings(doc, i)
        for gender in genders:
            found = _antecedent(doc, cast, i, gender)
            if found is not None:
                return found
        if genders[0] == "plur":
            return _two_before(cast, i)
        return _indefinite_before(cast, i)
    return None


def _speaker(doc: RuDoc, cast: Cast, quote: int) -> str | None:
    """Who says the quoted words: the nearest person named in the nominative before them."""
    sentence = doc.sentences[doc.sentence_of[quote]]
    for k in range(quote - 1, sentence.first - 1, -1):
        if doc.words[k].case == "nomn" and doc.words[k].lemma != "ты":
            who = actor(doc, cast, k)
            if who is not None:
                return who
    return None


def _addressee(doc: RuDoc, cast: Cast, quote: int) -> str | None:
    """Who the quoted words are said to: a dative before them («сказала мне:»), else the
    dreamer when someone else speaks (she is the one who heard it)."""
    sentence = doc.sentences[doc.sentence_of[quote]]
    for k in range(quote - 1, sentence.first - 1, -1):
        if doc.words[k].case == "datv":
            who = actor(doc, cast, k)
            if who is not None:
                return who
    speaker = _speaker(doc, cast, quote)
    return "D" if speaker not in (None, "D") else None


def _one_of(doc: RuDoc, cast: Cast, k: int) -> str | None:
    """«Одна из девушек ударила меня»: the one of them is the character the cast made of
    «одна из девушек»; «один из них» is one member of the group «они» stand for."""
    while k + 1 < len(doc.words) and doc.words[k].pos == "ADJF":
        k += 1  # «одна из моих сестёр»
    code = cast.code_at(k)
    if code is not None:
        return code
    if doc.words[k].lower not in ("них", "их"):
        return None
    return _member(doc, cast, k)


def _member(doc: RuDoc, cast: Cast, k: int) -> str | None:
    """One member of the latest group named before ``k``, in the group's own terms."""
    group = _antecedent(doc, cast, k, "plur")
    if group is None or group[0] == "1":
        return group
    sex = group[1] if group[1] in "MF" else "I"
    return f"1{sex}{group[2:]}"


def _acts_next(doc: RuDoc, i: int) -> bool:
    """«Один схватил»: the word stands alone as its verb's subject."""
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    return nxt is not None and nxt.pos == "VERB" and doc.sentence_of[i + 1] == doc.sentence_of[i]


def _standing_alone(doc: RuDoc, i: int) -> bool:
    """«тот» with no noun of its own after it (not «тот мужчина», «тот же», «то, что»)."""
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if doc.words[i].gender == "neut" or nxt is None:
        return False
    return nxt.pos not in ("NOUN", "ADJF", "PRCL", "NPRO") and nxt.text not in (",", "«")


def _readings(doc: RuDoc, i: int) -> tuple[str, ...]:
    """The genders a third-person pronoun can have, likeliest first: «им», «ним» are «они»
    in the dative or «он» in the instrumental («с ним», «над ним» are him; «к ним» them),
    which pymorphy3 reads as «они» whatever the preposition."""
    w = doc.words[i]
    gender = _THIRD[w.lemma] if w.lemma in _THIRD else _OBJECT_FORMS[w.lower]
    if w.lower not in ("им", "ним"):
        return (gender,)
    before = doc.words[i - 1].lower if i > 0 else ""
    return ("masc", "plur") if before in _INSTRUMENTAL_PREPOSITIONS else ("plur", "masc")


def _antecedent(doc: RuDoc, cast: Cast, i: int, gender: str) -> str | None:
    """The latest mention before ``i`` of a character of ``gender``; an object pronoun skips
    the subject of its own clause («Джулия ударила её» is not Julia hitting herself: that
    would be «себя»)."""
    genders = {char.code: char.gender for char in cast.characters}
    oblique = doc.words[i].case not in ("nomn", "")
    for k in sorted((k for k in cast.by_word if k < i), reverse=True):
        code = cast.by_word[k]
        if oblique and _subject_side(doc, k) and not _between_edge(doc, k, i):
            continue
        if not gender or genders.get(code, "") == gender:
            return code
    return None


def _subject_side(doc: RuDoc, k: int) -> bool:
    """A subject, or the one joined to it by «с» («мама с братом подошли и зажали его»: not
    the brother)."""
    if doc.words[k].case == "nomn":
        return True
    joined = k >= 2 and doc.words[k - 1].lower in ("с", "со")
    return joined and doc.words[k - 2].case == "nomn" and doc.words[k - 2].pos == "NOUN"


def _between_edge(doc: RuDoc, k: int, i: int) -> bool:
    """Whether a clause edge stands between the words ``k`` and ``i``."""
    if doc.sentence_of[k] != doc.sentence_of[i]:
        return True
    return any(w.lower in _CLAUSE_END for w in doc.words[k + 1 : i])


def _two_before(cast: Cast, i: int) -> str | None:
    """«Ирма сказала …, а Джулия спорила. Потом они начали ссориться»: with no group named,
    «они» are the people named one by one; the act is coded on the latest of them (HVdC
    writes such a pair as one side of the act)."""
    people = [c for c in cast.characters if c.word < i and c.code[0] == "1"]
    if len(people) < 2:
        return None
    return cast.last_before(i, "")


def _indefinite_before(cast: Cast, i: int) -> str | None:
    """The latest single character of no known sex («кто-то», «человек»): «он»/«она» can
    point to one when no character of the pronoun's gender is there, and so can an animal
    («насекомое … убить его»); a woman is not «он»."""
    for char in reversed(cast.characters):
        if char.word < i and (char.code[:2] == "1I" or char.code == "1ANI"):
            return char.code
    return None


def clause_subject(
    doc: RuDoc, cast: Cast, i: int, cases: tuple[str, ...] = ("nomn", "datv")
) -> str:
    """Who the clause around ``i`` is about: the nearest person word before it in the clause
    in one of ``cases`` (nominative or dative, «ей было страшно»), or the dreamer."""
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i - 1, max(sentence.first, i - 8) - 1, -1):
        w = doc.words[j]
        if w.lower in _CLAUSE_END:
            break
        after_preposition = j > sentence.first and doc.words[j - 1].pos == "PREP"
        if (w.case in cases or w.lemma in _DREAMER) and not after_preposition:
            # «женщина рядом с ним потеряла сознание»: «с ним» is not who suffers
            who = actor(doc, cast, j)
            if who is not None:
                return who
    verb = doc.words[i]
    if verb.pos == "VERB" and verb.person == "3per" and verb.number == "plur":
        return cast.last_before(i, "plur") or "D"
    return "D"
