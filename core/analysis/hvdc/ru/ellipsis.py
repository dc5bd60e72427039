"""A place named by an adjective alone: «вышла из комнаты и перешла в другую» — the noun
(«комнату») is left out because it was just said. Russian drops a repeated noun after
«другой», «следующий», «соседний»; the adjective then stands for a new place of the same kind.
"""

from __future__ import annotations

from .nlp import RuDoc

#: Adjectives that name another place of the kind just said.
_ANOTHER = frozenset({"другой", "следующий", "соседний", "второй", "третий"})
_INTO = frozenset({"в", "во", "на"})


def elided_place(doc: RuDoc, i: int, found: list[tuple[int, str]]) -> str:
    """The indoor/outdoor kind of the place «в другую» stands for: the last place named in
    this or the last sentence, of the adjective's gender, when no noun follows it."""
    w = doc.words[i]
    if w.lemma not in _ANOTHER or w.pos != "ADJF" or not found:
        return ""
    if i == 0 or doc.words[i - 1].lower not in _INTO:
        return ""
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if nxt is not None and nxt.text.isalpha() and nxt.pos in ("NOUN", "ADJF", "PRTF"):
        return ""  # «в другую комнату»: the noun is said
    j, kind = found[-1]
    if doc.sentence_of[i] - doc.sentence_of[j] > 1 or doc.words[j].gender != w.gender:
        return ""
    return kind[0]
