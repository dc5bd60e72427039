"""Who a hostile act without a hostile verb is aimed at and who does it, read by word order:
the helpers the hostility readers share (:mod:`.hostility`).
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .nlp import RuDoc
from .roles import actor, clause_subject

_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "!", "?", "а", "но", "и", "что", "потому"})
DREAMER_FORMS = frozenset({"меня", "мне", "мной", "нас", "нам", "нами"})


def target_after(doc: RuDoc, cast: Cast, verb: int, reach: int = 3) -> str | None:
    """The person just after the verb in its clause («не пускал меня», «ненавижу его»)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for k in range(verb + 1, min(sentence.last, verb + 1 + reach)):
        w = doc.words[k]
        if w.lower in _CLAUSE_END:
            break
        if w.lower in DREAMER_FORMS:
            return "D"
        who = actor(doc, cast, k)
        if who is not None and w.case != "nomn":
            return who
    return None


def dreamer_before(doc: RuDoc, verb: int) -> bool:
    """«меня он не пускал», «мне не давал проходу»: the dreamer as the object before the verb."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for k in range(verb - 1, max(sentence.first, verb - 4) - 1, -1):
        if doc.words[k].lower in _CLAUSE_END:
            return False
        if doc.words[k].lower in DREAMER_FORMS:
            return True
    return False


def denied(doc: RuDoc, verb: int) -> bool:
    return verb > 0 and doc.words[verb - 1].lower in ("не", "ни")


def act_code(doc: RuDoc, verb: int, who: str, level: int, target: str) -> Code:
    w = doc.words[verb]
    return Code("aggression", f"{who} {level}> {target}", (w.start, w.end), w.text)


def nominative_subject(doc: RuDoc, cast: Cast, verb: int) -> str | None:
    """The nearest nominative person before the verb, across «и» («он ждёт меня … и не даёт
    мне проходу»: «меня» is no subject); the dreamer when none is said; None when the nearest
    nominative is a thing («вода нас не пускала» is no one's rejection)."""
    sentence = doc.sentences[doc.sentence_of[verb]]
    for j in range(verb - 1, max(sentence.first, verb - 10) - 1, -1):
        w = doc.words[j]
        if w.text in (".", ";", "—", ":") or w.lower in ("что", "когда", "потому"):
            break
        if w.case == "nomn" and w.pos in ("NOUN", "NPRO"):
            who = actor(doc, cast, j)
            if who is not None:
                return who
            if w.pos == "NOUN" and not w.animate:
                return None
    return clause_subject(doc, cast, verb)


def next_is(doc: RuDoc, i: int, word: str) -> bool:
    return i + 1 < len(doc.words) and doc.words[i + 1].lower == word
