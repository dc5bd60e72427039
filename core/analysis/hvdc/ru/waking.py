"""Waking life told in a dream report: the sentences that are not the dream itself.

A report may first tell who someone is in waking life («У нас в университете есть парень…»,
«Ему 32, он работает в Чикаго») and only then the dream («Мне снилось, что…», «Во сне он
приехал…»), or compare the dream with waking life («на самом деле он учится в Майами»). HVdC
codes only what happens in the dream, so places and groups there are left out.
"""

from __future__ import annotations

from itertools import pairwise

from .nlp import RuDoc

_WAKING = frozenset(
    {("в", "жизни"), ("самом", "деле"), ("в", "реальности"), ("в", "действительности")}
)
#: «Потом мне снилось»: a later dream verb opens a new scene, not the dream.
_LATER = frozenset({"потом", "затем", "дальше", "еще", "ещё", "также", "тоже", "снова"})


def waking(doc: RuDoc, i: int) -> bool:
    """«В жизни мы с ней…», «на самом деле он учится в Майами»: waking life, not the dream."""
    sentence = doc.sentences[doc.sentence_of[i]]
    lowers = [w.lower for w in doc.words[sentence.first : _aside_after(doc, i, sentence.last)]]
    pairs = set(pairwise(lowers))
    return bool(pairs & _WAKING) or "наяву" in lowers


def _aside_after(doc: RuDoc, i: int, last: int) -> int:
    """Where a relative clause after ``i`` opens («Нэнси ответила язвительным «хм», которое
    в жизни меня мучает»): what it says of waking life is its own, not the main clause's."""
    for k in range(i + 1, last - 1):
        if doc.words[k].text == "," and doc.words[k + 1].lemma == "который":
            return k
    return last


def dream_start(doc: RuDoc) -> int:
    """The first word of the dream proper: after a waking-life opening, the «Мне снилось»
    that starts the dream, or a sentence opening «Во сне …» after a description."""
    start = 0
    for sentence in doc.sentences[:2]:
        for j in range(sentence.first, sentence.last):
            if doc.words[j].lemma in ("сниться", "присниться"):
                lead = {w.lower for w in doc.words[max(sentence.first, j - 3) : j]}
                start = 0 if lead & _LATER else j
                break
        else:
            continue
        break
    for sentence in doc.sentences[1:4]:
        opening = [w.lower for w in doc.words[sentence.first : sentence.first + 2]]
        if opening == ["во", "сне"] and sentence.first > start:
            return sentence.first
    return start
