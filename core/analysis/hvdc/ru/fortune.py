"""Misfortune (M1-M6) in a Russian report, with whom it befalls.

A listed event that is denied («не упала») is not coded. The victim is the clause's subject
(the dreamer unless a character is named). Success and failure are in :mod:`.striving`.
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import Entry, Lexicon, lexicon
from .negation import negated
from .nlp import RuDoc
from .roles import clause_subject


def _scan(doc: RuDoc, lex: Lexicon) -> list[tuple[int, int, Entry, bool]]:
    """(word, length, entry, denied) of every listed word or phrase."""
    lemmas = [w.lemma for w in doc.words]
    found = []
    i = 0
    while i < len(lemmas):
        hit = lex.phrase_at(lemmas, i)
        entry, length = hit if hit else (lex.words.get(lemmas[i]), 1)
        if entry is not None:
            denied = lemmas[i] != "не" and negated(doc, i)
            found.append((i, length, _bodily(doc, i, entry), denied or _unreal(doc, i)))
        i += length
    return found


def _unreal(doc: RuDoc, i: int) -> bool:
    """«машины, в которые я могла бы врезаться», «пастор, который умер неделю назад»: what
    would have happened, or happened in waking life long ago, befalls no one in the dream."""
    sentence = doc.sentences[doc.sentence_of[i]]
    before = [w.lower for w in doc.words[max(sentence.first, i - 3) : i]]
    after = [w.lower for w in doc.words[i + 1 : min(sentence.last, i + 5)]]
    return "бы" in before or "назад" in after


def _bodily(doc: RuDoc, i: int, entry: Entry) -> Entry:
    """«сломала передний зуб», «разбила колено»: damage to the body is an injury (M5), not
    a damaged possession (M4)."""
    if entry.code != "M4":
        return entry
    sentence = doc.sentences[doc.sentence_of[i]]
    if any(w.lemma in _BODY for w in doc.words[i + 1 : min(sentence.last, i + 4)]):
        return Entry("M5", entry.extra)
    return entry


_BODY = frozenset(
    {"нога", "рука", "зуб", "лодыжка", "палец", "нос", "голова", "ребро", "шея", "спина",
     "колено", "локоть", "запястье", "плечо", "челюсть", "кость", "позвоночник", "бедро"}
)  # fmt: skip
_VANISH = frozenset({"исчезнуть", "пропасть", "потеряться"})


def _code(doc: RuDoc, category: str, value: str, i: int, length: int) -> Code:
    first, last = doc.words[i], doc.words[i + length - 1]
    return Code(category, value, (first.start, last.end), doc.text[first.start : last.end])


def code_misfortunes(doc: RuDoc, cast: Cast) -> list[Code]:
    """One code per misfortune: per sentence and victim («упала и ушиблась» is one event, «один
    был покалечен, а двое других мертвы» two) and per kind and victim in the dream («должна
    умереть … умерла» is one death)."""
    codes: list[Code] = []
    victims: set[tuple[int, str]] = set()
    events: set[str] = set()
    for i, length, entry, denied in _scan(doc, lexicon("fortune")):
        sentence = doc.sentence_of[i]
        if denied or _thing_falls(doc, cast, i, entry.code):
            continue
        who = clause_subject(doc, cast, i)
        event = f"{entry.code}, {who}"
        if event in events or (sentence, who) in victims:
            continue
        victims.add((sentence, who))
        events.add(event)
        codes.append(_code(doc, "misfortune", event, i, length))
    return codes


def _thing_falls(doc: RuDoc, cast: Cast, i: int, kind: str) -> bool:
    """«упала бомба», «дерево упало», «шишки исчезли»: a thing falls or vanishes, not a person
    (no M2 or M1 for anyone)."""
    if kind != "M2" and doc.words[i].lemma not in _VANISH:
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    for k in range(max(sentence.first, i - 3), min(sentence.last, i + 4)):
        w = doc.words[k]
        subject = w.case == "nomn" or (w.case == "gent" and doc.words[k - 1].pos != "PREP")
        if k != i and w.pos == "NOUN" and subject and cast.code_at(k) is None:
            return not w.animate  # «падать бомбы» (read as a genitive too) is things falling
    return False
