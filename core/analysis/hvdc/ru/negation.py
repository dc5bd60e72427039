"""Whether a Russian word is denied: «не боялся», «перестала бояться», «без страха»,
«страха не было». Negation stops at a clause boundary (punctuation, «но», «а»)."""

from __future__ import annotations

from .nlp import RuDoc

_NEGATORS = frozenset({"не", "ни", "без", "нет", "никогда"})
#: Verbs that end a state: «перестала бояться» denies the fear from then on.
_STOPPING = frozenset(
    {"перестать", "переставать", "прекратить", "прекращать", "бросить", "расхотеть"}
)
#: «мне не было страшно», «ей не стало легче»: a denied linking verb denies its predicate.
_LINKING = frozenset({"быть", "стать"})
_BOUNDARY = frozenset({",", ".", ";", ":", "—", "-", "!", "?", "но", "а", "однако", "(", ")"})


def negated(doc: RuDoc, i: int) -> bool:
    """True when a negator or a stopping verb governs the word at ``i`` in its clause.

    «не одолжит ли она» asks, it does not deny: a «ли» right after the word lifts the «не».
    """
    sentence = doc.sentences[doc.sentence_of[i]]
    if i + 1 < sentence.last and doc.words[i + 1].lower == "ли":
        return False
    for j in range(i - 1, max(sentence.first, i - 4) - 1, -1):
        w = doc.words[j]
        if w.lower in _BOUNDARY:
            break
        if w.lower in _NEGATORS or w.lemma in _STOPPING:
            # «пока я не свалилась»: «пока … не» means "until", it denies nothing
            return not (w.lower == "не" and _until(doc, j))
        if w.pos == "VERB" and w.lemma not in _LINKING:
            break  # «не верю и злюсь»: the «не» belongs to the first verb
    after = doc.words[i + 1 : min(sentence.last, i + 3)]
    if after and after[0].lower == "нет":
        return True
    return len(after) == 2 and after[0].lower == "не" and after[1].lemma == "быть"


def _until(doc: RuDoc, j: int) -> bool:
    sentence = doc.sentences[doc.sentence_of[j]]
    return any(w.lower == "пока" for w in doc.words[max(sentence.first, j - 6) : j])
