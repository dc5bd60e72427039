"""Success (SU) and failure (FL) in a Russian report: the outcome of a character's own effort.

Hall & Van de Castle code success when a character spends effort towards a goal and reaches
it by that effort, and failure when the effort falls short through the character's own
inadequacy. So the coder reads episodes, as the English coder does: a striving («пыталась»,
«изо всех сил», a search «искала») opens one for its subject, and an outcome in the same or the
next sentence closes it («но не смогла», «напрасно», «наконец», «нашла»). Outcomes that carry
the effort in themselves («сумела», «удалось», «завалила экзамен», «так и не нашла») are coded
without one. «Я не могла пошевелиться», «не могла поверить» spend no effort: no failure.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import Lexicon, lexicon
from .negation import negated
from .nlp import RuDoc
from .roles import clause_subject

_WINDOW = 1  # sentences after a striving in which its outcome may be told
_SEARCH_WINDOW = 3  # a search may end in «нашла» a few sentences later
#: Roots of reaching verbs: «до-бежать», «до-лететь», «до-тянуться», «до-плыть», «до-звониться».
_REACHING = ("беж", "бег", "лет", "плы", "плав", "еха", "езж", "йти", "ход", "тяну", "прыг",
             "звон", "крич", "полз", "бра", "кат", "лез")  # fmt: skip
_CLOSING = frozenset({"FAIL", "WIN", "FOUND", "NOTFOUND", "SU", "FL"})


@dataclass(slots=True)
class _Episode:
    kind: str  # STRIVE or SEARCH
    sentence: int
    who: str
    closed: bool = False


def _hits(doc: RuDoc, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(word, length, role) of every listed word or phrase, longest phrase first; a role word
    that is denied flips (a denied striving is dropped, «не нашла» is NOTFOUND)."""
    lemmas = [w.lemma for w in doc.words]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lemmas):
        hit = lex.phrase_at(lemmas, i)
        entry, length = hit if hit else (lex.words.get(lemmas[i]), 1)
        if entry is not None and not _asked_or_almost(doc, i):
            role = entry.code
            if lemmas[i] != "не" and negated(doc, i):
                role = {"FOUND": "NOTFOUND", "SU": "FL", "WIN": "FAIL"}.get(role, "")
            if role:
                found.append((i, length, role))
        elif _fell_short(doc, i):
            found.append((i, 1, "FL"))
        i += length
    return found


def _asked_or_almost(doc: RuDoc, i: int) -> bool:
    """«не знаю, кто победил», «сможет ли он», «чуть меня не одолело»: a question about an
    outcome, or one that almost happened, is no outcome."""
    before = [w.lower for w in doc.words[max(0, i - 3) : i]]
    after = doc.words[i + 1].lower if i + 1 < len(doc.words) else ""
    if after == "ли" or (before and before[-1] in ("кто", "что", "кого")):
        return True
    return bool(before) and before[-1] == "не" and bool({"чуть", "едва"} & set(before))


def _fell_short(doc: RuDoc, i: int) -> bool:
    """«не долетел», «не добежала», «не дотянулась»: a denied до- verb of reaching is an
    effort that stopped short of its goal (a failure by itself)."""
    w = doc.words[i]
    if w.pos not in ("VERB", "INFN") or not w.lemma.startswith("до"):
        return False
    return w.lemma[2:].startswith(_REACHING) and i > 0 and doc.words[i - 1].lower == "не"


def _open_episode(episodes: list[_Episode], sentence: int, role: str) -> _Episode | None:
    """The latest unclosed episode an outcome in ``sentence`` can close."""
    for episode in reversed(episodes):
        window = _SEARCH_WINDOW if episode.kind == "SEARCH" else _WINDOW
        if episode.closed or not 0 <= sentence - episode.sentence <= window:
            continue
        if role in ("FOUND", "NOTFOUND") and episode.kind != "SEARCH":
            continue
        return episode
    return None


def _outcome(role: str) -> str:
    return "SU" if role in ("WIN", "FOUND", "SU") else "FL"


def code_striving(doc: RuDoc, cast: Cast) -> list[Code]:
    """One success or failure per episode (or per self-contained outcome), for its striver."""
    codes: list[Code] = []
    episodes: list[_Episode] = []
    told: set[tuple[int, str, str]] = set()
    for i, length, role in _hits(doc, lexicon("striving")):
        sentence = doc.sentence_of[i]
        if role in ("STRIVE", "SEARCH"):
            who = clause_subject(doc, cast, i)
            if not any(e.who == who and e.sentence == sentence for e in episodes):
                episodes.append(_Episode(role, sentence, who))
            continue
        if role not in _CLOSING or (role in ("SU", "WIN") and doc.words[i].pos == "INFN"):
            continue  # «пытались её обогнать»: the goal, not its outcome
        episode = _open_episode(episodes, sentence, role)
        if episode is not None:
            episode.closed = True
            who = episode.who
        elif role in ("SU", "FL", "NOTFOUND"):
            who = clause_subject(doc, cast, i)
        else:
            continue  # «не могла», «наконец» with no effort before them
        kind = _outcome(role)
        if (sentence, who, kind) in told:
            continue  # «Наконец я его перехитрила», «удалось сдать экзамен»: one outcome
        told.add((sentence, who, kind))
        first, last = doc.words[i], doc.words[i + length - 1]
        category = "success" if kind == "SU" else "failure"
        evidence = doc.text[first.start : last.end]
        codes.append(Code(category, f"{kind}, {who}", (first.start, last.end), evidence))
    return codes
