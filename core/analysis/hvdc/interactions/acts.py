"""Finding interaction acts: lexicon words and phrases in a sense that may be an act.

The lexicon lookup is cached per word (it runs on every token of every report), and the same
lookup chooses the sentences worth parsing, so the parser sees only sentences that can hold a
code.
"""

from __future__ import annotations

import functools

from ..lexicon import lemma_candidates, table
from ..text import Document, word_set

_NEGATORS = word_set(
    "not never no didn't don't wouldn't couldn't won't wasn't weren't hadn't nor neither without "
    "unwilling refused refuses refusing declined"
)


#: Determiners that make an aggression's -ing form the name of an event (``the shooting``).
_EVENT_DETERMINERS = word_set("some the any no much")  # "gave me a whipping" is the act
_RECLINING = word_set("down on in there back awake still upon")
_BIT_AFTER = word_set("by more less too and of further better worse")


def false_sense(doc: Document, i: int, lemma: str) -> bool:
    """Senses of lexicon words that are not interactions (``in order to``, ``looked like``)."""
    prev = doc.tokens[i - 1].low if i > 0 else ""
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    word = doc.tokens[i].low
    if lemma == "order":
        return prev in {"in", "an", "the", "my", "out", "of"} or nxt == "of"
    if lemma == "like":
        return word == "like" and prev not in {
            "i",
            "you",
            "we",
            "they",
            "really",
            "didn't",
            "don't",
            "would",
            "to",
        }
    if lemma in {"knock", "hit", "beat", "break"}:
        return (
            nxt in {"on", "at", "down", "up", "out", "into", "off", "the", "a"} and lemma != "hit"
        )
    if lemma == "bite" and (prev in {"a", "little"} or nxt == "of"):
        return True
    if word == "bit" and (nxt in _BIT_AFTER or prev in {"by", "tiny", "quite"}):
        return True  # "bit by bit", "a bit more": a little, not a bite
    if word.endswith("ing") and prev in _EVENT_DETERMINERS and lemma in table("aggression").words:
        return True  # "I heard some shooting": the event heard, no one's act on the hearer
    if lemma == "lied" and nxt in _RECLINING:
        return True  # "I lied down": lay, not a lie
    if lemma in {"kind", "nice", "mean"}:
        return nxt in {"of", "that"} or prev in {"a", "some", "any", "what", "the"}
    return lemma == "drive" and nxt in {"the", "a", "my", "his", "her", "our", "their", "up", "off"}


def verb(doc: Document, i: int, category: str) -> tuple[str, int] | None:
    """(lemma, level) of a lexicon verb or multiword phrase starting at token i."""
    for cand, phrases, value in _lexicon_forms(category, doc.tokens[i].low):
        for rest, level in phrases:
            end = min(len(doc.tokens), i + 1 + len(rest))
            if tuple(doc.tokens[j].low for j in range(i + 1, end)) == rest or _split(doc, i, rest):
                return cand + " " + " ".join(rest), int(level)
        if value is not None:
            return cand, int(value)
    return None


#: Particles of phrasal verbs that may follow their object (``cheered me up``).
_PARTICLES = word_set("up out off away down back over")
#: Objects that split a phrasal verb and are persons (``them``, ``it`` are as often things).
_PERSONS = word_set("me him her us")


def _split(doc: Document, i: int, rest: tuple[str, ...]) -> bool:
    """``cheered me up``, ``told him off``, ``kicked us out``: a verb + particle phrase of the
    lexicon with a personal pronoun between them."""
    if len(rest) != 1 or rest[0] not in _PARTICLES or i + 2 >= len(doc.tokens):
        return False
    after = doc.tokens[i + 3].low if i + 3 < len(doc.tokens) else ""
    if after == "of":
        return False  # "took me out of school": a place left, no outing
    return doc.tokens[i + 1].low in _PERSONS and doc.tokens[i + 2].low == rest[0]


_Forms = tuple[tuple[str, tuple[tuple[tuple[str, ...], str], ...], str | None], ...]


@functools.lru_cache(maxsize=1 << 16)
def _lexicon_forms(category: str, word: str) -> _Forms:
    """The base forms of ``word`` that start a phrase or are a word of the category's lexicon,
    with those phrases and that word's level — looked up once per word, not per token."""
    lex = table(category)
    forms = []
    for cand in lemma_candidates(word):
        phrases, value = tuple(lex.phrases.get(cand, ())), lex.words.get(cand)
        if phrases or value is not None:
            forms.append((cand, phrases, value))
    return tuple(forms)


#: A word just before a verb that makes its act supposed, wished or future, not done.
_SUPPOSED = word_set("to would could might should will if whether")


def not_done(doc: Document, verb: int) -> bool:
    """The act of ``verb`` did not happen: it is negated, or supposed («would take her hand»,
    «if we went on a date», «to hold his hand»)."""
    return negated(doc, verb) or (verb > 0 and doc.tokens[verb - 1].low in _SUPPOSED)


def negated(doc: Document, i: int) -> bool:
    sent = doc.sentences[doc.tokens[i].sentence]
    for j in range(i - 1, max(sent.first, i - 4) - 1, -1):
        w = doc.tokens[j].low
        if w in _NEGATORS or w.endswith("n't"):
            return True
    return False


#: The interaction categories, each with a lexicon ``data/<category>.tsv``.
CATEGORIES = ("aggression", "friendliness", "sexuality")


def act_tokens(doc: Document) -> dict[str, list[int]]:
    """Per category, the tokens that start a word or phrase of its lexicon: the only ones
    worth reading further (one pass, one cached lookup per token)."""
    found: dict[str, list[int]] = {category: [] for category in CATEGORIES}
    for i, tok in enumerate(doc.tokens):
        if tok.is_word:
            for category in _categories_of(tok.low):
                found[category].append(i)
    return found


@functools.lru_cache(maxsize=1 << 16)
def _categories_of(word: str) -> tuple[str, ...]:
    return tuple(c for c in CATEGORIES if _lexicon_forms(c, word))
