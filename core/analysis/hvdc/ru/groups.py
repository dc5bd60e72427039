"""«Все», «другие», «остальные» as characters: everyone present, when no group was named
before (HVdC codes the people around the dreamer as a group, 2JSA, even when the report only
says «все ржут»), and "the others", a group the dreamer cannot name (2JUA, as the English
coder codes "others")."""

from __future__ import annotations

from .nlp import RuDoc
from .waking import dream_start, waking

EVERYONE = "2JSA"
OTHERS = "2JUA"
#: Plural forms only («другим» may be «ехала другим», another train; «один за другим»).
_OTHERS = frozenset({"другие", "других", "другими", "остальные", "остальных", "остальными"})
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


def others(doc: RuDoc, i: int) -> bool:
    """«выступали другие», «когда остальные закончили», «со многими другими»: the others
    present, standing alone (not «другие студенты», not «хуже всех остальных»)."""
    if doc.words[i].lower not in _OTHERS:
        return False
    if i < dream_start(doc) or waking(doc, i):
        return False
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) else None
    if nxt is not None and nxt.pos in ("NOUN", "ADJF", "NPRO", "PRTF"):
        return False
    if _elided(doc, i):
        return False
    return i == 0 or doc.words[i - 1].lemma not in ("весь", "все", "и") or _joined(doc, i)


def _elided(doc: RuDoc, i: int) -> bool:
    """«Мою коробку совсем загородили другие»: other things of the kind just named in the
    clause (an object without a preposition), not other people."""
    for j in range(i - 1, max(-1, i - 8), -1):
        w = doc.words[j]
        if w.text in (",", ".", "—", ";", ":"):
            return False
        before = doc.words[j - 1] if j > 0 else None
        if w.pos == "NOUN" and not w.animate and (before is None or before.pos != "PREP"):
            return True
    return False


def _joined(doc: RuDoc, i: int) -> bool:
    """«приехали и другие»: «и» adds the others to someone already there."""
    return doc.words[i - 1].lower == "и" and i > 1 and doc.words[i - 2].pos == "VERB"
