"""The sex of a group the report does not describe: joint (J) or indefinite (I).

HVdC codes a group J when it holds both sexes and I when its sex cannot be told.  A crowd
("many people", "hundreds of people", "the audience") is taken to hold both sexes, as the
DreamBank coders code it; a group of a stated small size ("two people", "several
counselors", "three friends", "2 or 3 small children") says nothing of who its few members
are, so its sex is indefinite.  Nouns that name a pair or a family of both sexes by their
meaning ("parents", "a couple") stay J.
"""

from __future__ import annotations

from ..text import word_set

SMALL_COUNTS = word_set("two three 2 3 few several couple")
MIXED_BY_MEANING = word_set(
    "parent parents folk folks family grandparent grandparents couple couples sweetheart "
    "sweethearts"
)
# Words that end the noun phrase before the noun: a count beyond them counts something else.
_PHRASE_END = word_set(", . ; : and but with than who that which were was are is")


def small_group_sex(lemma: str, sex: str, prev: list[str]) -> str:
    """``I`` for an undescribed group of a stated small size, else the sex unchanged.

    ``prev`` holds the words before the noun in its sentence, nearest first.
    """
    if sex != "J" or lemma in MIXED_BY_MEANING:
        return sex
    for k, word in enumerate(prev[:5]):
        if word in _PHRASE_END:
            return sex
        if word in SMALL_COUNTS:
            return sex if prev[k + 1 : k + 3] == ["a", "quite"] else "I"  # "quite a few": many
    return sex
