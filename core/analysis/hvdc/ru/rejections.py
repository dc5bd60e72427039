"""Rejection told without a hostile verb (HVdC aggression 3): leaving someone behind and
ignoring them.

HVdC's level 3 covers rejecting, deserting and ignoring a person. Russian tells them with
plain verbs in constructions that make them rejections, read here as classes:

- leaving without someone or leaving them: «уехали без меня», «он ушёл от меня», «оставила
  детей одних»;
- ignoring someone: «не обращая на меня внимания», «не смотрела на меня», «перестала со мной
  разговаривать», «сделал вид, что не замечает меня», «прошла мимо меня, не взглянув».

The one who leaves or ignores is the clause's subject; the one rejected is named in the
construction, or, for pretending not to hear, is the dreamer the sentence names («я сказала
ей…, а она сделала вид, что не слышит»). A person the words do not name is no one's
rejection.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .negation import negated
from .nlp import RuDoc
from .participants import clause_of, subject_of
from .roles import actor

_LEAVE = frozenset(
    {"уйти", "уходить", "уехать", "уезжать", "убежать", "убегать", "сбежать", "улететь",
     "уплыть", "укатить", "отправиться", "уплывать", "улетать", "умчаться", "ускакать"}
)  # fmt: skip
_LEAVE_FROM = frozenset({"уйти", "уходить", "уехать", "уезжать"})
#: «ушёл от нас домой»: leaving a place to go home is no desertion.
_HOMEWARD = frozenset({"домой", "обратно", "восвояси"})
_LEAVE_BEHIND = frozenset({"оставить", "оставлять"})
_ALONE = frozenset({"один", "одинокий", "одна", "одни"})
_LOOK = frozenset({"смотреть", "посмотреть", "взглянуть", "глядеть", "поглядеть"})
_TALK = frozenset({"разговаривать", "говорить", "общаться", "здороваться"})
_STOP = frozenset({"перестать", "переставать", "прекратить", "отказаться"})
_PERCEIVE = frozenset(
    {"замечать", "заметить", "видеть", "увидеть", "знать", "узнавать", "узнать", "слышать",
     "услышать"}
)  # fmt: skip
_PASS = frozenset({"пройти", "проходить", "пробежать", "проехать", "промчаться"})
_REACH = 4


def _person_after(doc: RuDoc, cast: Cast, k: int, prepositions: tuple[str, ...]) -> str | None:
    """The person right after one of ``prepositions`` within a few words after ``k``."""
    stop = min(doc.sentences[doc.sentence_of[k]].last, k + _REACH + 1)
    for j in range(k + 1, stop):
        if doc.words[j].lower in prepositions and j + 1 < stop:
            nxt = j + 2 if doc.words[j + 1].pos in ("ADJF", "NPRO") and j + 2 < stop else j + 1
            return actor(doc, cast, j + 1) or actor(doc, cast, nxt)
        if doc.words[j].text in (",", ".", ";", "—"):
            return None
    return None


def _object_after(doc: RuDoc, cast: Cast, k: int) -> str | None:
    """A person in the accusative (or an animate genitive) right after ``k``."""
    for j in range(k + 1, min(doc.sentences[doc.sentence_of[k]].last, k + 3)):
        w = doc.words[j]
        if w.case in ("accs", "gent") and w.pos in ("NOUN", "NPRO"):
            return actor(doc, cast, j)
    return None


def _left(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """«уехали без меня», «ушёл от меня», «оставила детей одних»: the one left behind."""
    w = doc.words[i]
    if w.lemma in _LEAVE:  # «убежала от собаки» is flight, «ушла от мужа» is leaving him
        home = any(x.lower in _HOMEWARD for x in doc.words[i + 1 : i + 5])
        away = ("без", "от", "ото") if w.lemma in _LEAVE_FROM and not home else ("без",)
        return _person_after(doc, cast, i, away)
    if w.lemma in _LEAVE_BEHIND:
        clause = clause_of(doc, i)
        if any(doc.words[k].lemma in _ALONE for k in clause if k > i):
            return _object_after(doc, cast, i)
    return None


def _ignored(doc: RuDoc, cast: Cast, i: int) -> str | None:
    """«не обращая на меня внимания», «не смотрела на меня», «перестала со мной
    разговаривать», «сделал вид, что не замечает меня», «прошла мимо меня, не взглянув»."""
    w = doc.words[i]
    denied = negated(doc, i)
    if w.lemma in ("обращать", "обратить") and denied:
        clause = range(i + 1, min(doc.sentences[doc.sentence_of[i]].last, i + _REACH + 2))
        if any(doc.words[k].lemma == "внимание" for k in clause):
            return _person_after(doc, cast, i, ("на",))
    if w.lemma in _LOOK and denied:
        return _person_after(doc, cast, i, ("на",))
    if w.lemma in _TALK and (denied or _stopped(doc, i)):
        start = max(doc.sentences[doc.sentence_of[i]].first - 1, i - 4)
        return _person_after(doc, cast, i, ("с", "со")) or _person_after(
            doc, cast, start, ("с", "со")
        )  # «не разговаривала с ней», «перестала со мной разговаривать»
    if w.lemma in _PERCEIVE and denied and _pretended(doc, i):
        return _object_after(doc, cast, i) or ("D" if _names_dreamer(doc, i) else None)
    if w.lemma in _PASS and not denied and _unheeding(doc, i):
        return _person_after(doc, cast, i, ("мимо",))
    return None


def _names_dreamer(doc: RuDoc, i: int) -> bool:
    """«я сказала ей…, а она сделала вид, что не слышит»: the one ignored is the dreamer
    when the sentence names her."""
    sentence = doc.sentences[doc.sentence_of[i]]
    return any(w.lemma in ("я", "мы") for w in doc.words[sentence.first : i])


def _unheeding(doc: RuDoc, i: int) -> bool:
    """«прошла мимо меня, не поздоровавшись», «…, будто не видит»: passing someone by is
    ignoring them when the sentence says so (a cat passing by ignores no one)."""
    sentence = doc.sentences[doc.sentence_of[i]]
    words = doc.words[sentence.first : sentence.last]
    pretend = any(w.lower in ("будто", "словно", "даже") for w in words)
    return pretend or any(
        w.pos == "GRND" and k > 0 and words[k - 1].lower == "не" for k, w in enumerate(words)
    )


def _stopped(doc: RuDoc, i: int) -> bool:
    return any(w.lemma in _STOP for w in doc.words[max(0, i - 4) : i])


def _pretended(doc: RuDoc, i: int) -> bool:
    """«сделал вид, что не замечает»: pretending not to see someone is ignoring them."""
    before = [w.lemma for w in doc.words[max(0, i - 6) : i]]
    return "вид" in before and "что" in before


def code_rejections(doc: RuDoc, cast: Cast) -> list[Code]:
    """``S 3> R`` for each person left or ignored (see the module docstring)."""
    codes: list[Code] = []
    for i, w in enumerate(doc.words):
        if w.pos not in ("VERB", "INFN", "GRND"):
            continue
        rejected = _left(doc, cast, i) or _ignored(doc, cast, i)
        if rejected is None:
            continue
        who = subject_of(doc, cast, i) or ("D" if w.person == "1per" else None)
        if who is not None and who != rejected:
            codes.append(Code("aggression", f"{who} 3> {rejected}", (w.start, w.end), w.text))
    return codes
