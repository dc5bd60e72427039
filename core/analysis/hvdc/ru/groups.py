"""«Все» as a character: everyone present, when no group was named before (HVdC codes the
people around the dreamer as a group, 2JSA, even when the report only says «все ржут»)."""

from __future__ import annotations

from .nlp import RuDoc
from .waking import dream_start, waking

EVERYONE = "2JSA"
#: «мы все», «они все»: the «все» sums up people already there.
_SUMMED = frozenset({"мы", "они", "вы", "нас", "их", "вас", "нам", "им", "вам", "это", "эти"})
#: «при всех», «заставила всех»: «всем» is left out, it is as often «всё» («заправляла всем»).
_CASES = frozenset({"всех"})


def everyone(doc: RuDoc, i: int) -> bool:
    """Whether «все» / «всех» / «всем» at ``i`` stands alone for everyone present: not «все
    эти женщины» (a determiner), not «мы все», and for «все» a plural verb in its clause (not
    «всё закончилось»)."""
    w = doc.words[i]
    if i < dream_start(doc) or waking(doc, i) or _generic(doc, i):
        return False
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if nxt is not None and nxt.pos in ("NOUN", "ADJF", "NPRO", "PRTF"):
        return False
    if i > 0 and doc.words[i - 1].lower in _SUMMED:
        return False
    if w.lower in _CASES:
        return w.pos == "ADJF"
    if w.lower != "все":
        return False
    sentence = doc.sentences[doc.sentence_of[i]]
    for j in range(i + 1, min(sentence.last, i + 5)):
        verb = doc.words[j]
        if verb.pos == "VERB":
            return verb.number == "plur"
        if not verb.text.isalpha():
            return False
    return False


def _generic(doc: RuDoc, i: int) -> bool:
    """«всех, кто ходит в группу»: everyone of a kind, not people present."""
    after = [w.lower for w in doc.words[i + 1 : i + 3]]
    return after == [",", "кто"]
