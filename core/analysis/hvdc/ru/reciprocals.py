"""«друг друга», «друг с другом», «друг на друга»: the reciprocal pronoun, not a friend.

Russian says "each other" with two forms of «друг», the first always nominative, the second
in the case the verb or its preposition asks for. Neither is a character (HVdC codes no friend
there); the act is mutual within the group that does it, as the English coder codes "two men
were shooting at each other" on the group.
"""

from __future__ import annotations

from .nlp import RuDoc


def _second(doc: RuDoc, i: int) -> int | None:
    """The index of the second «друг» when the one at ``i`` opens a reciprocal."""
    if doc.words[i].lower != "друг":
        return None
    for k in (i + 1, i + 2):
        if k >= len(doc.words) or doc.sentence_of[k] != doc.sentence_of[i]:
            return None
        w = doc.words[k]
        if w.lemma == "друг" and w.lower != "друг":
            return k
        if w.pos != "PREP":
            return None
    return None


def reciprocal(doc: RuDoc, i: int) -> bool:
    """Whether the word at ``i`` is either half of «друг друга» / «друг с другом»."""
    if _second(doc, i) is not None:
        return True
    return any(k >= 0 and _second(doc, k) == i for k in (i - 1, i - 2))


def reciprocal_object(doc: RuDoc, words: range) -> int | None:
    """The second half of a reciprocal among ``words`` (the verb's clause), if any: where the
    act's recipient would stand («стреляли друг в друга»)."""
    for k in words:
        second = _second(doc, k)
        if second is not None:
            return second
    return None
