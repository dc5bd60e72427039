"""Word-specific checks of the misfortune lexicon: when a listed word is no misfortune.

The lexicon (``data/misfortune.tsv``) says what a word usually means; these rules catch its
other senses in dream reports, each for a whole class of uses rather than for a report:
feelings (``I felt hurt``, ``a lost feeling``, ``a sinking feeling``), idioms (``dead
tired``, ``fire escape``), things that happened before the dream (``been dead for years``),
threats of death, which coders score as illness (``was going to die``: M5), and adjectives
that name no event (``stolen things``, ``dangerous steps``).
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import table
from ..text import Document
from .scan import positions

_FEELING_BEFORE = frozenset(
    {"felt", "feel", "feels", "feeling", "and", "deeply", "terribly", "very", "so", "quite"}
)
_FEELING_AFTER = frozenset({"that", "because", "and", "feelings", "feeling", "pride"})
_DEAD_IDIOMS = frozenset(
    {"drunk", "tired", "sure", "serious", "end", "center", "silence", "still", "set", "weight"}
)
_LONG_AGO = frozenset({"since", "for", "a", "several", "many", "years", "long"})
_STOLEN_BEFORE = frozenset({"was", "were", "been", "got", "get", "is", "are", "had"})
_SLEEP = frozenset({"sleep", "asleep", "love", "silent", "behind", "apart"})
_NOT_A_FIRE = frozenset(
    {
        "escape",
        "escapes",
        "door",
        "doors",
        "alarm",
        "drill",
        "truck",
        "engine",
        "department",
        "station",
        "man",
        "men",
        "wood",
        "works",
        "place",
        "places",
        "hydrant",
        "extinguisher",
    }
)
_MISSABLE = frozenset(
    {
        "train",
        "bus",
        "plane",
        "boat",
        "streetcar",
        "ride",
        "flight",
        "class",
        "test",
        "exam",
        "appointment",
        "connection",
        "car",
        "ship",
        "date",
        "chance",
    }
)
_OWN = frozenset({"the", "a", "an", "his", "her", "our", "their", "all", "its"})
_PEOPLE = frozenset({"him", "her", "them", "me", "you", "us", "track", "weight", "feeling"})
_GIFT_DETERMINERS = frozenset({"a", "an", "some", "the", "two", "three", "several", "lots"})
_NOT_WINDFALL = frozenset(
    {
        "call",
        "calls",
        "phone",
        "telephone",
        "letter",
        "letters",
        "message",
        "note",
        "telegram",
        "wire",
        "information",
        "news",
        "position",
        "grade",
        "admonishment",
        "invitation",
        "visit",
        "order",
        "orders",
    }
)
_RELIEF_NOT_LUCK = frozenset(
    {"woke", "awoke", "awake", "awakened", "dream", "alarm", "succeeded", "managed", "able"}
)
_BROKE_AWAY = frozenset({"up", "away", "out", "into", "off", "free", "loose", "through", "in"})


def _word(doc: Document, i: int) -> str:
    return doc.tokens[i].low if 0 <= i < len(doc.tokens) else "."


def _ahead(doc: Document, i: int, n: int) -> set[str]:
    return {doc.tokens[j].low for j in range(i + 1, min(len(doc.tokens), i + 1 + n))}


def _body_part_ahead(doc: Document, i: int) -> bool:
    objects = table("objects").words
    return any(objects.get(w, "").startswith("B") for w in _ahead(doc, i, 3))


def _feeling(doc: Document, i: int) -> bool:
    """``I felt hurt``, ``angry and hurt``, ``hurt that he didn't ask``: an emotion."""
    return _word(doc, i - 1) in _FEELING_BEFORE or _word(doc, i + 1) in _FEELING_AFTER


def _sentence_words(doc: Document, i: int) -> set[str]:
    sent = doc.sentences[doc.tokens[i].sentence]
    return {doc.tokens[j].low for j in range(sent.first, sent.last)}


def _windfall(doc: Document, i: int) -> bool:
    """``received a new clock`` is good fortune; ``received a phone call`` or a position,
    a grade, a letter are events of the story, not luck."""
    if _word(doc, i + 1) not in _GIFT_DETERMINERS:
        return False
    return not {doc.tokens[j].low for j in range(i + 2, min(len(doc.tokens), i + 5))} & (
        _NOT_WINDFALL
    )


def refine(doc: Document, cast: Cast, i: int, value: str) -> str | None:
    """The class of the lexicon word at token i in its context, or None when it tells no
    misfortune (or good fortune) here."""
    w, prev, nxt = doc.tokens[i].low, _word(doc, i - 1), _word(doc, i + 1)
    if w == "hurt":
        return None if _feeling(doc, i) or prev == "to" else value
    if w == "sick" and (prev == "worried" or nxt in {"look", "looking", "feeling"}):
        return None
    if w in {"broke", "broken"}:
        if nxt in _BROKE_AWAY or nxt in {"heart", "hearted", "english", "promise"}:
            return None
        return "M5" if _body_part_ahead(doc, i) else "M4"  # "broke my front tooth" hurts
    if w == "lost":
        if nxt in _PEOPLE or prev in {"very", "a", "so", "this", "that"}:
            return None  # "lost him", "a lost feeling"
        if nxt in _OWN and prev not in {"got", "get", "was", "were", "became"}:
            return "M4"  # "lost the charge plate": a loss of possession
        return value
    if w == "dead":
        if nxt in _DEAD_IDIOMS or (prev == "been" and nxt in _LONG_AGO):
            return None
        return value
    if w == "die" and prev == "to" and _word(doc, i - 2) != "about":
        return "M5"  # "was going to die": threatened, as coders score it
    if w == "death" and prev == "of" and _word(doc, i - 2) != "the":
        return None  # "speaking of death"
    if w in {"fire", "fires"} and (nxt in _NOT_A_FIRE or prev == "under"):
        return None
    if w in {"fell", "fall", "falling"} and _ahead(doc, i, 4) & _SLEEP:
        return None
    if w in {"sinking", "sank"} and nxt in {"feeling", "sensation", "heart"}:
        return None
    if w == "stolen" and prev not in _STOLEN_BEFORE and nxt != "from":
        return None
    if w == "missed" and not _ahead(doc, i, 3) & _MISSABLE:
        return None
    if w == "late" and nxt != "for":
        return None  # "too late", "very late at night": not the mishap of being late
    if w == "collapsed" and (i - 1) in cast.refs:
        return "M5"  # a person collapsing is bodily; a building collapsing is a threat
    if w == "received" and not _windfall(doc, i):
        return None
    if w in {"relieved", "relief"} and _sentence_words(doc, i) & _RELIEF_NOT_LUCK:
        return None
    return value


_FEAR = frozenset({"frightened", "afraid", "scared", "terrified", "horrified", "panicky", "panic"})
#: Places and forces that threaten by themselves: heights, deep water, weather, the dark.
_HAZARDS = frozenset(
    {
        "water",
        "waves",
        "cliff",
        "storm",
        "bridge",
        "dark",
        "darkness",
        "ledge",
        "canyon",
        "ravine",
        "flood",
        "deep",
        "height",
        "heights",
        "elevator",
        "ocean",
        "sea",
        "lake",
        "river",
        "ice",
        "snow",
        "wind",
        "edge",
        "drop",
        "space",
        "tornado",
        "lightning",
        "thunder",
    }
)


#: A dead animal threatens nobody.
_NO_LONGER_A_THREAT = frozenset({"dead", "killed", "died", "charred", "corpse"})


def environmental_threat(doc: Document, cast: Cast) -> int | None:
    """Token of the dreamer's fear of a non-human threat (an animal, deep water, a height,
    the dark): Hall & Van de Castle's M3, the character threatened by the environment.
    Fear of people is left to aggression; denied or hedged fear is no threat."""
    for j in positions(doc, _FEAR):
        tok = doc.tokens[j]
        si = tok.sentence
        sent = doc.sentences[si]
        if not _afraid_dreamer(doc, cast, tok.index, sent.first):
            continue
        if _threatening(doc, cast, doc.sentences[max(0, si - 1)].first, sent.last):
            return tok.index
    return None


def _afraid_dreamer(doc: Document, cast: Cast, j: int, first: int) -> bool:
    """The fear word at j is the dreamer's and not denied."""
    before = [doc.tokens[k].low for k in range(max(first, j - 3), j)]
    if any(w in {"not", "no", "never", "longer"} or w.endswith("n't") for w in before):
        return False
    for k in range(j - 1, max(first, j - 6) - 1, -1):
        ref = cast.refs.get(k)
        if ref is not None:
            return ref == DREAMER
    return False


def _threatening(doc: Document, cast: Cast, lo: int, hi: int) -> bool:
    """An animal or a hazard (deep water, a height, the dark) in tokens ``[lo, hi)``."""
    if any(doc.tokens[k].low in _NO_LONGER_A_THREAT for k in range(lo, hi)):
        return False  # "my dog had been killed ... I was horrified": grief, not a threat
    for k in range(lo, hi):
        ref = cast.refs.get(k)
        if ref is not None and ref != DREAMER and cast.characters[ref].is_animal:
            return True
        if doc.tokens[k].low in _HAZARDS:
            return True
    return False
