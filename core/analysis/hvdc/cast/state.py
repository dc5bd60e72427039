"""The state of one left-to-right pass over a report's tokens while its cast is built.

Every rule of the cast finder (names, pronouns, nouns, coreference) is a plain function that
takes this one object: the tokens, the word lists, the cast found so far and the few flags the
pass carries from one token to the next.  The small helpers here read tokens around a position.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..lexicon import first_names, table
from ..text import Document, Token
from .model import DREAMER, Cast, Character, parse_code


def is_third_person(toks: list[Token]) -> bool:
    """Reports written down by an interviewer: "Subject dreamed she was..."."""
    head = [t.low for t in toks[:4]]
    return "subject" in head or "dreamer" in head


@dataclass(slots=True)
class CastState:
    """What the cast finder knows at a token: the cast so far and the pass's flags."""

    doc: Document
    toks: list[Token]
    cast: Cast = field(default_factory=Cast)
    #: Character nouns, object words and place words of the lexicons (word -> code).
    nouns: dict[str, str] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    #: First names and their sex.
    names: dict[str, str] = field(default_factory=dict)
    #: Dedup key (``sister:1``, ``name:betty``, ``family:M``) -> character id.
    by_key: dict[str, int] = field(default_factory=dict)
    #: Tokens up to this index were consumed by an earlier rule (``sister-in-law``, a name).
    skip_until: int = -1
    #: Sex and age lent by a modifier person noun to the next noun ("woman doctor").
    pending: tuple[str, str] | None = None
    #: Inside a parenthesis: an aside about waking life, which starts no character.
    in_aside: bool = False
    #: The report was written down by an interviewer ("Subject dreamed she was...").
    third_person: bool = False
    #: Characters whose sex only pronouns told: character id -> he/she counts ``[M, F]``.
    pronoun_sexes: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def start(cls, doc: Document) -> CastState:
        """A fresh pass over ``doc`` with the lexicons loaded."""
        return cls(
            doc=doc,
            toks=doc.tokens,
            nouns=table("characters").words,
            objects=table("objects").words,
            places=table("settings").words,
            names=first_names(),
            third_person=is_third_person(doc.tokens),
        )


def word_at(st: CastState, i: int) -> str:
    """The lower-cased token at i, or ``""`` outside the report."""
    return st.toks[i].low if 0 <= i < len(st.toks) else ""


def prev_words(st: CastState, i: int, n: int) -> list[str]:
    """Up to n words before token i in its sentence, nearest first."""
    sent = st.toks[i].sentence
    out = []
    for j in range(i - 1, max(-1, i - n - 1), -1):
        if st.toks[j].sentence != sent:
            break
        out.append(st.toks[j].low)
    return out


def words_after(st: CastState, i: int, n: int = 10) -> list[str]:
    """Words after token i up to the end of its sentence or a full stop, at most n - 1."""
    sent = st.toks[i].sentence
    words = []
    for j in range(i + 1, min(len(st.toks), i + n)):
        if st.toks[j].sentence != sent or st.toks[j].low in {".", ";"}:
            break
        words.append(st.toks[j].low)
    return words


def after_has(st: CastState, i: int, cues: tuple[str, ...]) -> bool:
    """True when one of the space-padded phrases ``cues`` follows token i in its sentence."""
    text = " " + " ".join(words_after(st, i)) + " "
    return any(cue in text for cue in cues)


def new_character(st: CastState, code: str, key: str, i: int, plural_noun: bool = False) -> int:
    """Add a character first mentioned at token i; returns its id."""
    number, sex, identity, age = parse_code(code)
    cid = len(st.cast.characters)
    st.cast.characters.append(
        Character(cid, number, sex, identity, age, key, i, plural_noun=plural_noun)
    )
    if key:
        st.by_key[key] = cid
    st.cast.refs[i] = cid
    return cid


def recent(st: CastState, i: int, want: Callable[[Character], bool]) -> int | None:
    """The character most recently referred to before token i that ``want`` accepts."""
    for n, t in enumerate(reversed(st.cast.refs)):
        if n > 40:
            break
        cid = st.cast.refs[t]
        if t < i and cid != DREAMER and want(st.cast.characters[cid]):
            return cid
    return None
