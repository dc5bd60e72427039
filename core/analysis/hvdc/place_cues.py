"""Whether the words around a setting call the *place* strange (``U``) or changed (``D``).

HVdC codes a setting unfamiliar when the place is one the dreamer does not know, distorted when
a known place looks different.  The same words often describe people instead (``a strange
man``, ``all unknown to me``, ``I had never seen him before``) or nothing at all (``instead of
kissing me``, ``I changed my dress``), so a cue counts only when no character stands right
beside it, and a change counts only when a place is what changes.
"""

from __future__ import annotations

from .lexicon import table
from .text import Token, word_set

_UNFAMILIAR = word_set(
    "mysterious weird strange unfamiliar unknown foreign unrecognized unidentified"
)
_UNFAMILIAR_CUES = (
    "never seen",
    "never been",
    "didn't recognize",
    "did not recognize",
    "don't know where",
    "didn't know where",
    "did not know where",
    "no idea where",
    "not familiar",
    "wasn't familiar",
    "was new to me",
)
#: Words that say a place is unlike itself (``the room resembled my old school``).
_DISTORTED = word_set("different distorted changed resembled unlike similar similarity actually")
_DISTORTED_CUES = (
    "not look like",
    "didn't look like",
    "looked nothing like",
    "not like our",
    "not like my",
    "wasn't really",
    "was not really",
    "looks like",
    "looked like",
)
#: ``it was not our house``: a place denied to be the dreamer's own.
_DENIED = (("not", "our"), ("not", "my"), ("wasn't", "our"), ("wasn't", "my"))
#: Words that stand for a place already named (``it resembled``, ``the place was different``).
_PLACE_STANDINS = word_set("it place surroundings scene setting everything")
#: How far (tokens) a character may stand from a cue for the cue to be about the character.
_PERSON_REACH = 3


def _by_first_word(cues: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """Phrase cues split into words and keyed by their first word, for a quick lookup."""
    table: dict[str, list[list[str]]] = {}
    for cue in cues:
        parts = cue.split()
        table.setdefault(parts[0], []).append(parts)
    return table


def _cue_at(lows: list[str], j: int, cues: dict[str, list[list[str]]]) -> int:
    """The length in tokens of the phrase cue starting at j, or 0."""
    for parts in cues.get(lows[j], ()):
        if lows[j : j + len(parts)] == parts:
            return len(parts)
    return 0


_UNFAMILIAR_PHRASES = _by_first_word(_UNFAMILIAR_CUES)
_DISTORTED_PHRASES = _by_first_word(_DISTORTED_CUES)


def _about_person(toks: list[Token], others: set[int], j: int, width: int) -> bool:
    """``a strange man``, ``the girls (unknown to me)``, ``never seen him``: a character stands
    within a few tokens of the cue in its sentence."""
    sent = toks[j].sentence
    lo, hi = max(0, j - _PERSON_REACH), min(len(toks), j + width + _PERSON_REACH)
    return any(k in others and toks[k].sentence == sent for k in range(lo, hi))


def said_unfamiliar(toks: list[Token], others: set[int], first: int, last: int) -> bool:
    """``I was in a strange town``, ``a house I had never seen before``: a strangeness cue in
    ``[first, last)`` that is not about a character."""
    lows = [t.low for t in toks]
    for j in range(first, last):
        width = 1 if lows[j] in _UNFAMILIAR else _cue_at(lows, j, _UNFAMILIAR_PHRASES)
        if width and not _about_person(toks, others, j, width):
            return True
    return False


def _place_before(toks: list[Token], j: int, reach: int = 6) -> bool:
    places = table("settings").words
    sent = toks[j].sentence
    return any(
        toks[k].sentence == sent and (toks[k].low in places or toks[k].low in _PLACE_STANDINS)
        for k in range(max(0, j - reach), j)
    )


#: Cues that liken the place to another; they distort only when that other is a known place.
_LIKENESS = word_set("similar similarity resembled unlike looks looked look")
#: Words that open a known, particular place after a likeness (``similar to the one``).
_PARTICULAR = word_set("the my our his her their that this mine ours one")


def _likens_to_a_kind(toks: list[Token], j: int, width: int) -> bool:
    """``a boat similar to a pirate ship``, ``it looks like mucus``, ``what it looked like``:
    a likeness to a kind of thing, or no likeness at all, distorts no place the dreamer
    knows; ``similar to the one near my school`` and ``resembled Euclid Avenue`` do."""
    lows = [t.low for t in toks[max(0, j - 2) : j + width + 3]]
    if "what" in lows[:2] or "who" in lows[:2]:
        return True
    if toks[j].low not in _LIKENESS and toks[j + width - 1].low not in _LIKENESS:
        return False
    after = [t for t in toks[j + width : j + width + 3] if t.low not in {"to", "that", "of"}]
    if not after:
        return True
    first = after[0]
    return not (
        first.low in _PARTICULAR
        or first.low.endswith("'s")
        or first.low in table("settings").words
        or (first.capitalized and first.is_word)
    )


def said_distorted(toks: list[Token], first: int, last: int) -> bool:
    """``the room did not look like mine``, ``it was not our house``, ``the store was
    altogether different``: a place (or a word standing for it) is what looks changed."""
    places = table("settings").words
    lows = [t.low for t in toks]
    for j in range(first, last):
        width = 1 if lows[j] in _DISTORTED else _cue_at(lows, j, _DISTORTED_PHRASES)
        if width and _place_before(toks, j) and not _likens_to_a_kind(toks, j, width):
            return True
        if tuple(lows[j : j + 2]) in _DENIED and any(w in places for w in lows[j + 2 : j + 4]):
            return True
    return False
