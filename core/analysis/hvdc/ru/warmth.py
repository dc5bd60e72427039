"""Covert friendliness (F1): the dreamer's gladness aimed at a character, as the English coder
reads it (``core/analysis/hvdc/interactions/warmth.py``).

HVdC codes a friendly feeling the dreamer does not act on as friendliness 1 — «я была рада
его видеть», «обрадовалась ему», «рада за неё», «счастлива, что он вернулся», «гордилась
сыном», «мне было жалко его». The feeling needs a target in the words that aim it: the dative («обрадовалась
ему»), «за» («рада за неё»), a verb of seeing or meeting («рада его видеть»), the subject of
its «что» clause («счастлива, что он вернулся»), the instrumental of pride and admiration, or
the accusative of pity.
«Я была рада» with no one it is aimed at is an emotion only.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .negation import negated
from .nlp import RuDoc
from .participants import subject_of
from .roles import actor, clause_subject

_GLAD = frozenset(
    {"рад", "радый", "обрадоваться", "радоваться", "счастливый", "благодарный", "гордиться",
     "восхищаться", "восхититься", "любоваться", "полюбоваться", "признательный", "жалко",
     "жаль"}
)  # fmt: skip
#: Feelings whose target is in the instrumental («гордилась сыном», «любовалась ею»).
_ADMIRE = frozenset({"гордиться", "восхищаться", "восхититься", "любоваться", "полюбоваться"})
#: Pity for someone («мне было жалко его», «жаль маму»): sympathy felt, not acted on.
_PITY = frozenset({"жалко", "жаль"})
_SEE = frozenset(
    {"видеть", "увидеть", "встретить", "встречать", "встреча", "увидев", "слышать", "услышать"}
)  # fmt: skip
_REACH = 4
_EDGE = frozenset({".", ";", "!", "?", "но", "а"})


def _target(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """The person the gladness at ``i`` is aimed at (see the module docstring)."""
    last = doc.sentences[doc.sentence_of[i]].last
    after = range(i + 1, min(last, i + _REACH + 1))
    for k in after:
        w = doc.words[k]
        if w.lower in _EDGE:
            return None
        who = actor(doc, cast, k) or _him(cast, k, w.lower)
        if who is None or who == "D":
            if w.lower == "что":
                return _cause(doc, cast, k)
            continue
        before = doc.words[k - 1].lower
        if w.case == "datv" and doc.words[i].lemma not in _ADMIRE:
            return who
        if doc.words[i].lemma in _PITY and w.case in ("accs", "gent"):
            return who  # «мне было жалко его»
        if doc.words[i].lemma in _ADMIRE and w.case != "nomn":
            return who  # «гордилась сыном», «гордилась им» (pymorphy3 may read «им» as dative)
        if before == "за" or any(doc.words[j].lemma in _SEE for j in after):
            return who
    return None


def _him(cast: Cast, k: int, lower: str) -> str | None:
    """«гордилась им»: pymorphy3 reads «им» as «они» in the dative; after a verb of pride it
    is «он» in the instrumental."""
    return cast.last_before(k, "masc") if lower in ("им", "ним") else None


def _cause(doc: RuDoc, cast: Cast, k: int) -> str | None:
    """The nominative person of the «что» clause that is the gladness's cause."""
    last = doc.sentences[doc.sentence_of[k]].last
    for j in range(k + 1, min(last, k + 5)):
        w = doc.words[j]
        if w.text in (",", ".", ";"):
            return None
        who = actor(doc, cast, j) if w.case == "nomn" else None
        if who is not None and who != "D":
            return who
    return None


def _feeler(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """Who is glad: the subject of a verb of gladness, the clause's person for «рада»."""
    if doc.words[i].pos == "VERB":
        return subject_of(doc, cast, i) or ("D" if doc.words[i].person == "1per" else None)
    return clause_subject(doc, cast, i)


def code_warmth(doc: RuDoc, cast: Cast) -> list[Code]:
    """``D 1> X`` for each gladness of the dreamer aimed at X."""
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.lemma not in _GLAD or negated(doc, i) or _feeler(doc, cast, i) != "D":
            continue
        target = _target(doc, cast, i)
        if target is not None:
            codes.append(Code("friendliness", f"D 1> {target}", (w.start, w.end), w.text))
    return codes
