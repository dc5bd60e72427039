"""Parents named as a pair: ``my mother and father were standing there`` is one group.

HVdC codes the dreamer's parents who appear and act together as one group (``2JXA``), like
the word ``parents``; someone else's (``his mother and father``) take the identity the pair's
members had (``2JKA``).  A parent who is also mentioned or acts alone anywhere in the report
stays an individual (``I asked my mother ... my mother and father grinned``), as do both.
"""

from __future__ import annotations

from ..lexicon import lookup, table
from ..text import Document
from .model import DREAMER, Cast, Character

_PARENT_WORDS = {
    "mother": "F",
    "mom": "F",
    "mommy": "F",
    "father": "M",
    "dad": "M",
    "daddy": "M",
}
_OWNERS = frozenset({"my", "our", "his", "her", "their", "the"})


def _mentions(cast: Cast, cid: int) -> list[int]:
    return [t for t, ref in cast.refs.items() if ref == cid]


def _pair_at(doc: Document, cast: Cast, i: int) -> tuple[int, int] | None:
    """(first, second) character ids when token i starts ``mother and (my) father``."""
    toks = doc.tokens
    if i + 2 >= len(toks) or toks[i + 1].low != "and":
        return None
    j = i + 3 if toks[i + 2].low in _OWNERS else i + 2
    first, second = toks[i].low, toks[j].low if j < len(toks) else ""
    if first not in _PARENT_WORDS or second not in _PARENT_WORDS:
        return None
    if _PARENT_WORDS[first] == _PARENT_WORDS[second] or i == 0 or toks[i - 1].low not in _OWNERS:
        return None
    a, b = cast.refs.get(i), cast.refs.get(j)
    if a is None or b is None or DREAMER in (a, b) or a == b:
        return None
    return a, b


def _only_together(cast: Cast, pair: tuple[int, int], tokens: tuple[int, int]) -> bool:
    """Neither parent is mentioned (by noun, name or pronoun) outside the pair's phrase."""
    return all(_mentions(cast, cid) == [tok] for cid, tok in zip(pair, tokens, strict=True))


def _toward_each_other(doc: Document, cast: Cast, i: int) -> bool:
    """``my mother and father were married``, ``... grinned at each other``: the two act on
    each other, so each is a character of their own."""
    toks = doc.tokens
    sent = toks[i].sentence
    after = [k for k in range(i + 1, len(toks)) if toks[k].sentence == sent]
    words = " ".join(toks[k].low for k in after)
    if "each other" in words or "one another" in words:
        return True
    acts = (table("aggression").words, table("friendliness").words)
    for n, k in enumerate(after):
        if any(lookup(act, toks[k].low) for act in acts):
            return not any(j in cast.refs for j in after[n + 1 :])
    return False


def _absorb(cast: Cast, keep: int, drop: int) -> None:
    """Remove character ``drop``; its mentions now refer to ``keep``."""
    for tok, ref in list(cast.refs.items()):
        if ref == drop:
            cast.refs[tok] = keep
        elif ref > drop:
            cast.refs[tok] = ref - 1
    del cast.characters[drop]
    for n, char in enumerate(cast.characters):
        char.cid = n


def _as_group(char: Character) -> None:
    char.number, char.sex, char.age = "2", "J", "A"
    char.identity = "X" if char.identity in "MF" else char.identity
    char.plural_noun = True


def _join_named_parents(cast: Cast, group: int) -> None:
    """``my parents ... my mother and father``: the dreamer's parents are one group."""
    if cast.characters[group].identity != "X":
        return
    other = next(
        (c.cid for c in cast.characters if c.cid != group and c.identity == "X" and c.plural),
        None,
    )
    if other is not None:
        _absorb(cast, min(other, group), max(other, group))


def merge_parent_pairs(doc: Document, cast: Cast) -> None:
    """Recode each ``mother and father`` who only ever appear together as one group."""
    i = 0
    while i < len(doc.tokens):
        if doc.tokens[i].low not in _PARENT_WORDS:
            i += 1
            continue
        pair = _pair_at(doc, cast, i)
        second_tok = (
            i + 3 if i + 2 < len(doc.tokens) and doc.tokens[i + 2].low in _OWNERS else i + 2
        )
        if (
            pair is not None
            and _only_together(cast, pair, (i, second_tok))
            and not _toward_each_other(doc, cast, second_tok)
        ):
            keep, drop = min(pair), max(pair)
            _as_group(cast.characters[keep])
            _absorb(cast, keep, drop)
            _join_named_parents(cast, keep)
        i += 1
