"""Emotions (HVdC AN, AP, SD, CO, HA) stated in a Russian report, with who feels them.

Coded only when the words state or clearly express the feeling, as HVdC requires; a denied
feeling («не боялась», «перестала бояться») is not coded. The experiencer is the dreamer
unless a character (or «он/она/они» pointing to one) is the clause's subject or the dative
of a state word («ей было страшно»).
"""

from __future__ import annotations

from core.analysis.hvdc.types import Code

from .cast import Cast
from .lexicon import lexicon
from .negation import negated
from .nlp import RuDoc
from .roles import clause_subject

#: Adjectives that name a feeling only in the short, predicative form («я была зла»), not as
#: an attribute («злая собака» is not an angry dreamer).
_SHORT_ONLY = frozenset({"злой"})


#: Adverbs that state a feeling only as a predicate («мне было странно»), not as the manner
#: of an act («девчонки как-то странно переглянулись»).
_PREDICATIVE_ONLY = frozenset({"странно"})
_LINKING = frozenset({"быть", "стать", "становиться", "казаться", "показаться"})


def _states_feeling(doc: RuDoc, i: int) -> bool:
    w = doc.words[i]
    if w.lemma in _PREDICATIVE_ONLY:
        near = doc.words[max(0, i - 1) : i + 2]
        return not any(
            x.pos in ("VERB", "INFN", "GRND") and x is not w and x.lemma not in _LINKING
            for x in near
        )
    return w.lemma not in _SHORT_ONLY or w.pos == "ADJS"


def code_emotions(doc: RuDoc, cast: Cast) -> list[Code]:
    """One code per stated emotion; a repeat of the same class and feeler in a sentence is one."""
    lemmas = [w.lemma for w in doc.words]
    lex = lexicon("emotions")
    codes: list[Code] = []
    seen: set[tuple[int, str]] = set()
    i = 0
    while i < len(doc.words):
        hit = lex.phrase_at(lemmas, i)
        length = hit[1] if hit else 1
        entry = hit[0] if hit else lex.get(lemmas[i])
        phrase_negative = hit is not None and lemmas[i] == "не"
        if entry is not None and hit is None and not _states_feeling(doc, i):
            entry = None
        if entry is not None and (phrase_negative or not negated(doc, i)):
            who = clause_subject(doc, cast, i)
            key = (doc.sentence_of[i], f"{entry.code}, {who}")
            if key not in seen:
                seen.add(key)
                w, last = doc.words[i], doc.words[i + length - 1]
                codes.append(
                    Code("emotions", key[1], (w.start, last.end), doc.text[w.start : last.end])
                )
        i += length
    return codes
