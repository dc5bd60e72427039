"""Dead characters: HVdC numbers a character who is dead in the dream 3 (a group 4).

Coders give the dead their own number (``3MSA`` a dead man, ``4FEA`` dead women), which the
"Dead & imaginary %" indicator counts.  A character is dead when a noun says so (``three dead
people``, ``the cadaver``) or a predicate about it does (``his father was dead``, ``he's been
dead since 1863``).  Someone who dies during the dream (``he died in my arms``) or whose death is
news (``my mother had died``) keeps the ordinary number, as the coders of the norms did.
"""

from __future__ import annotations

from ..text import Document
from .model import DREAMER, Cast, Character, age_class, number_is_no_age

_DEAD_NOUN_CUES = frozenset({"dead", "deceased", "late"})
_PERFECT = frozenset({"had", "has", "have"})


def _dead_number(number: str) -> str:
    return "3" if number == "1" else "4" if number == "2" else number


def _said_dead_before(doc: Document, i: int) -> bool:
    """``dead women``, ``the late Mr. Brown``: an adjective right before the noun."""
    for j in (i - 1, i - 2):
        if j < 0 or doc.tokens[j].sentence != doc.tokens[i].sentence:
            return False
        w = doc.tokens[j].low
        if w in _DEAD_NOUN_CUES:
            return w != "late" or doc.tokens[i].capitalized or j == i - 1
        if not doc.tokens[j].is_word:
            return False
    return False


def _said_dead_after(doc: Document, i: int) -> bool:
    """``he's been dead since 1863``, ``who had been dead for years``: dead before the dream.

    ``she was dead`` and ``had died`` are left alone: coders mostly code news of a death, a
    feeling that someone is dead or a death in the dream with the living character.
    """
    toks = doc.tokens
    words = [t.low for t in toks[i + 1 : i + 6] if t.sentence == toks[i].sentence]
    if words[:1] in (["who"], ["that"]):
        words = words[1:]
    if words[:1] and words[0] in _PERFECT:
        words = words[1:]
    return words[:2] in (["been", "dead"], ["been", "deceased"])


def mark_dead(doc: Document, cast: Cast) -> None:
    """Renumber the characters the report says are dead (3 individual, 4 group)."""
    for tok, ref in cast.refs.items():
        if ref == DREAMER:
            continue
        char = cast.characters[ref]
        if char.is_animal or char.number not in {"1", "2"}:
            continue
        if _said_dead_before(doc, tok) or _said_dead_after(doc, tok):
            char.number = _dead_number(char.number)


_AGE_PRONOUNS = frozenset({"he", "she"})


def mark_told_ages(doc: Document, cast: Cast) -> None:
    """``my sister was helping me pack. She is 17``: an age told after the first mention."""
    toks = doc.tokens
    for tok, ref in cast.refs.items():
        if ref == DREAMER or toks[tok].low not in _AGE_PRONOUNS or tok + 2 >= len(toks):
            continue
        if toks[tok + 1].low not in {"is", "was"} or not toks[tok + 2].low.isdigit():
            continue
        after = toks[tok + 3].low if tok + 3 < len(toks) else ""
        number = toks[tok + 2].low
        if len(number) > 2 or after in {"o'clock", "minutes", "feet", "inches", "pounds", ":"}:
            continue
        if number_is_no_age(toks[tok + 1].low, [t.low for t in toks[tok + 3 : tok + 5]]):
            continue  # "he is 4 years older than me"
        char = cast.characters[ref]
        if not char.plural and not char.is_animal and char.age == "A":
            char.age = age_class(int(number))


_WAKING_VERBS = frozenset({"woke", "awakened", "awoke", "wake", "waking", "woken"})


def drop_waking_only(doc: Document, cast: Cast) -> None:
    """``My roommate then awakened me``, ``I woke up to find myself kissing my girlfriend``:
    someone met only in the waking world around the dream (whoever woke the dreamer, whoever
    is there once the dreamer has woken) is no character of the dream."""
    toks = doc.tokens
    waking = {
        tok.sentence
        for k, tok in enumerate(toks[:-1])
        if tok.low in _WAKING_VERBS and toks[k + 1].low == "me"
    }
    awake_from = _woken_dreamer(doc)
    seen: dict[int, list[int]] = {}
    for tok, ref in cast.refs.items():
        if ref != DREAMER:
            seen.setdefault(ref, []).append(tok)
    gone = {
        ref
        for ref, mentions in seen.items()
        if all(
            toks[t].sentence in waking or t > awake_from.get(toks[t].sentence, len(toks))
            for t in mentions
        )
    }
    if gone:
        _remove(cast, gone)


_TIME_LINKS = frozenset({"when", "after", "as", "once"})
_WOKEN_OBJECTS = frozenset({"them", "him", "her", "us", "everyone", "everybody", "the"})


def _woken_dreamer(doc: Document) -> dict[int, int]:
    """Sentence -> token after which the dreamer is awake: ``I woke up``, ``I awoke``
    (not ``I woke them up``: waking someone else happens inside the dream)."""
    toks = doc.tokens
    out: dict[int, int] = {}
    for k in range(1, len(toks) - 1):
        if toks[k].low not in _WAKING_VERBS or toks[k - 1].low != "i":
            continue
        if toks[k + 1].low in _WOKEN_OBJECTS or (k > 1 and toks[k - 2].low in _TIME_LINKS):
            continue  # "when I woke up, it was late": a waking inside the dream
        if any(t.low == "before" and t.sentence == toks[k].sentence for t in toks[k : k + 6]):
            continue  # "I awakened before any harm had been done by the creature"
        out.setdefault(toks[k].sentence, k)
    return out


def _remove(cast: Cast, gone: set[int]) -> None:
    """Drop characters and renumber the rest (a character's id is its place in the list)."""
    new_id: dict[int, int] = {}
    kept: list[Character] = []
    for char in cast.characters:
        if char.cid in gone:
            continue
        new_id[char.cid] = len(kept)
        char.cid = len(kept)
        kept.append(char)
    cast.characters = kept
    cast.refs = {
        tok: (ref if ref == DREAMER else new_id[ref])
        for tok, ref in cast.refs.items()
        if ref == DREAMER or ref in new_id
    }
