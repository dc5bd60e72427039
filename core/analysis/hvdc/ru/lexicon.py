"""The Russian coder's word lists, read once from ``ru/data/*.tsv`` (lemmas, ё read as е).

Each list is written from the HVdC definitions for Russian (the header of each file says which
definition), not translated from the English lists. Entries are lemmas or lemma phrases; a
phrase such as «не понимать» or «выйти замуж» matches consecutive lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .nlp import analyse

_DATA = Path(__file__).resolve().parent / "data"

#: Diminutive and affectionate suffixes → what to put back to find the base lemma
#: (собачка → собака, мамочка → мама, домик → дом, сестрёнка → сестра, лесок → лес).
_DIMINUTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("очка", ("а", "ка")),
    ("ечка", ("а", "ка", "я")),
    ("енька", ("а",)),
    ("онька", ("а",)),
    ("ушка", ("а",)),
    ("юшка", ("я",)),
    ("енка", ("а",)),
    ("онка", ("а",)),
    ("чка", ("ка",)),
    ("чик", ("",)),
    ("ик", ("",)),
    ("ок", ("",)),
    ("ек", ("",)),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: its code and the optional third column (e.g. the recipient marker)."""

    code: str
    extra: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Single lemmas and lemma phrases of one list."""

    words: dict[str, Entry]
    phrases: dict[tuple[str, ...], Entry]
    longest: int

    def get(self, lemma: str) -> Entry | None:
        """The entry of a lemma, or of the base word of its diminutive."""
        entry = self.words.get(lemma)
        if entry is not None:
            return entry
        for base in diminutive_bases(lemma):
            entry = self.words.get(base)
            if entry is not None:
                return entry
        return None

    def phrase_at(self, lemmas: list[str], i: int) -> tuple[Entry, int] | None:
        """The longest phrase starting at ``lemmas[i]`` and its length in words."""
        for length in range(min(self.longest, len(lemmas) - i), 1, -1):
            entry = self.phrases.get(tuple(lemmas[i : i + length]))
            if entry is not None:
                return entry, length
        return None


def diminutive_bases(lemma: str) -> list[str]:
    """Candidate base lemmas of a diminutive, most specific suffix first."""
    bases: list[str] = []
    for suffix, replacements in _DIMINUTIVES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 1:
            stem = lemma[: -len(suffix)]
            bases.extend(stem + r for r in replacements)
    return bases


@cache
def lexicon(name: str) -> Lexicon:
    """The list ``ru/data/<name>.tsv`` (cached: each is read once per process)."""
    words: dict[str, Entry] = {}
    phrases: dict[tuple[str, ...], Entry] = {}
    path = _DATA / f"{name}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, code, *rest = line.split("\t")
        entry = Entry(code.strip(), rest[0].strip() if rest else "")
        parts = tuple(key.strip().replace("ё", "е").split())
        if len(parts) == 1:
            words.setdefault(parts[0], entry)
        else:  # phrases are written as a Russian speaker says them; matched by lemma
            phrases.setdefault(tuple(analyse(part, False)[0] for part in parts), entry)
    return Lexicon(words, phrases, max((len(p) for p in phrases), default=1))


def warm_up() -> None:
    """Read every list now (start-up), so the first dream pays nothing."""
    for name in (
        "characters", "emotions", "aggression", "friendliness", "sexuality",
        "places", "objects", "fortune", "striving",
    ):  # fmt: skip
        lexicon(name)
