"""Word lists of the coder, read once from the package's ``data/*.tsv`` files.

Lexicons are plain TSV so they can be reviewed and extended without touching code; they are
loaded lazily on first use under a lock, so importing the package stays cheap and threads that
code dreams concurrently share one copy.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"
_LOCK = threading.RLock()  # re-entrant: one lexicon may be built from others
_CACHE: dict[str, object] = {}

_IRREGULAR = {
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "am": "be",
    "had": "have",
    "has": "have",
    "did": "do",
    "does": "do",
    "done": "do",
    "went": "go",
    "gone": "go",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "got": "get",
    "gotten": "get",
    "said": "say",
    "told": "tell",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "felt": "feel",
    "ran": "run",
    "sat": "sit",
    "stood": "stand",
    "found": "find",
    "left": "leave",
    "made": "make",
    "brought": "bring",
    "bought": "buy",
    "caught": "catch",
    "held": "hold",
    "fell": "fall",
    "fallen": "fall",
    "shot": "shoot",
    "hit": "hit",
    "beat": "beat",
    "beaten": "beat",
    "bit": "bite",
    "bitten": "bite",
    "stole": "steal",
    "stolen": "steal",
    "broke": "break",
    "broken": "break",
    "threw": "throw",
    "thrown": "throw",
    "struck": "strike",
    "fought": "fight",
    "hurt": "hurt",
    "kept": "keep",
    "led": "lead",
    "lent": "lend",
    "sent": "send",
    "drove": "drive",
    "driven": "drive",
    "rode": "ride",
    "ridden": "ride",
    "flew": "fly",
    "swam": "swim",
    "began": "begin",
    "heard": "hear",
    "spoke": "speak",
    "met": "meet",
    "lost": "lose",
    "won": "win",
    "wore": "wear",
    "woke": "wake",
    "forgot": "forget",
    "forgotten": "forget",
    "slept": "sleep",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "wrote": "write",
    "written": "write",
    "bled": "bleed",
    "died": "die",
    "lay": "lie",
    "lying": "lie",
    "dying": "die",
    "fled": "flee",
    "sought": "seek",
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "wolves": "wolf",
    "knives": "knife",
    "leaves": "leaf",
    "shelves": "shelf",
    "lives": "life",
    "wives": "wife",
    "hung": "hang",
    "stuck": "stick",
    "shook": "shake",
    "tore": "tear",
    "torn": "tear",
    "hid": "hide",
    "hidden": "hide",
    "sank": "sink",
    "dug": "dig",
    "spat": "spit",
    "spit": "spit",
    "chose": "choose",
    "grew": "grow",
    "grown": "grow",
    "crept": "creep",
    "swept": "sweep",
}


@functools.lru_cache(maxsize=1 << 16)
def lemma_candidates(word: str) -> tuple[str, ...]:
    """The word and the base forms it may inflect from, cheapest guesses first.

    A suffix stripper with an irregular-form table covers dream-report English well enough,
    and costs microseconds where a statistical lemmatizer would cost milliseconds. Every
    category asks for the same words again (~1 000 calls a report), hence the cache.
    """
    if word in _IRREGULAR:
        return (word, _IRREGULAR[word])
    out = [word]
    n = len(word)
    if n > 4 and word.endswith("ies"):
        out.append(word[:-3] + "y")
    if n > 4 and word.endswith("ied"):
        out.append(word[:-3] + "y")
    if n > 3 and word.endswith("es"):
        out.append(word[:-2])
    if n > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if n > 4 and word.endswith("ed"):
        out.extend((word[:-2], word[:-1]))
        if word[-3] == word[-4]:
            out.append(word[:-3])
    if n > 5 and word.endswith("ing"):
        out.extend((word[:-3], word[:-3] + "e"))
        if word[-4] == word[-5]:
            out.append(word[:-4])
    if n > 4 and word.endswith("ly"):
        out.append(word[:-2])
    return tuple(out)


def lookup(table: dict[str, str], word: str) -> str | None:
    """The table's value for ``word`` or for one of its base forms."""
    for cand in lemma_candidates(word):
        value = table.get(cand)
        if value is not None:
            return value
    return None


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Single words and multiword phrases (keyed by their first word) with values."""

    words: dict[str, str]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]


def _read_pairs(name: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    with (_DATA / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition("\t")
            pairs.append((key.strip().lower(), value.strip()))
    return pairs


def _build_table(name: str) -> PhraseTable:
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, value in _read_pairs(name):
        parts = tuple(key.split())
        if len(parts) == 1:
            words[key] = value
        else:
            phrases.setdefault(parts[0], []).append((parts[1:], value))
    return PhraseTable(words, phrases)


def table(name: str) -> PhraseTable:
    """The lexicon ``data/<name>.tsv``, loaded once per process."""
    key = "table:" + name
    cached = _CACHE.get(key)
    if cached is None:
        with _LOCK:
            cached = _CACHE.get(key)
            if cached is None:
                cached = _build_table(name + ".tsv")
                _CACHE[key] = cached
    assert isinstance(cached, PhraseTable)
    return cached


def first_names() -> dict[str, str]:
    """First names mapped to ``M`` or ``F``."""
    key = "names"
    cached = _CACHE.get(key)
    if cached is None:
        with _LOCK:
            names: dict[str, str] = {}
            for sex, blob in _read_pairs("names.tsv"):
                for name in blob.split():
                    names.setdefault(name, sex.upper())
            _CACHE[key] = cached = names
    assert isinstance(cached, dict)
    return cached


def is_common_word(word: str) -> bool:
    """Whether ``word`` is in one of the coder's own word lists (so not a name)."""
    cached = _CACHE.get("common")
    if cached is None:
        with _LOCK:
            cached = _CACHE.get("common")
            if cached is None:
                words: set[str] = set()
                for name in (
                    "emotions",
                    "aggression",
                    "friendliness",
                    "settings",
                    "objects",
                    "modifiers",
                    "activities",
                    "misfortune",
                    "characters",
                ):
                    words |= set(table(name).words)
                cached = _CACHE["common"] = frozenset(words)
    assert isinstance(cached, frozenset)
    return word in cached
