"""Russian text → sentences of morphologically analysed words, and syntax on demand.

One analyser per job, each loaded once per process:

- **razdel** (natasha's segmenter) splits sentences and words;
- **pymorphy3** with ``pymorphy3-dicts-ru`` gives every word its lemma, part of speech, gender,
  number, case, person and tense. natasha's own morphology tagger (slovnet) is not used: it tags
  «снилось» as 2nd person future and «обняла» as future, and a coder that reads the dreamer's
  sex from past-tense verbs cannot afford that; pymorphy2 (which natasha 1.6 pulls in for its
  lemmatiser) is never imported;
- **slovnet's syntax model** from the natasha wheel (``NewsSyntaxParser`` over navec
  embeddings) gives dependencies, and only for the sentences that can hold an interaction
  (:func:`parse_syntax` is called by the interaction coder on those alone).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from razdel import sentenize, tokenize

_LOCK = threading.Lock()
_SYNTAX: list[Any] = []

#: Word forms whose most frequent pymorphy3 reading is the wrong one in dream reports.
_PREFERRED_LEMMA: dict[str, str] = {
    "рада": "рад",
    "мыло": "мыло",
    "стекло": "стекло",
    "пила": "пить",
    "села": "сесть",
    "бабушка": "бабушка",
    "лиса": "лиса",
    "зла": "злой",
    "бегу": "бежать",
    "стекла": "стекло",
}
_UNPARSED = -2  # head of a word outside every parsed span
_PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")
_PRONOUNS = frozenset({"я", "ты", "он", "она", "оно", "мы", "вы", "они"})


@dataclass(frozen=True, slots=True)
class Word:
    """One token with the morphology the coder uses (lemma has ё read as е)."""

    text: str
    start: int
    end: int
    lower: str
    lemma: str
    pos: str
    gender: str
    number: str
    case: str
    person: str
    tense: str
    name: bool
    geo: bool
    animate: bool


@dataclass(slots=True)
class Sentence:
    """A sentence as a slice ``[first, last)`` of the document's words; syntax when parsed."""

    first: int
    last: int
    heads: list[int] | None = None  # document index of each word's head, -1 for the root
    rels: list[str] | None = None


@dataclass(slots=True)
class RuDoc:
    text: str
    words: list[Word] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    #: sentence index of each word
    sentence_of: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """The process's one pymorphy3 analyser (dictionaries load in ~0.1 s, ~15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def syntax_parser() -> Any:
    """The process's one slovnet syntax parser (navec + model from the natasha wheel).

    slovnet runs small numpy matrix products per clause; OpenBLAS's worker threads spin-wait
    between them, and with two threads the coder measured ~30 dreams/s of CPU against ~300
    with one. So loading the parser holds the process's BLAS to one thread (threadpoolctl):
    a dream is coded on one core, and a worker runs many dreams side by side instead.
    """
    with _LOCK:
        if not _SYNTAX:
            from natasha import NewsEmbedding, NewsSyntaxParser
            from threadpoolctl import threadpool_limits

            threadpool_limits(limits=1, user_api="blas")
            _SYNTAX.append(NewsSyntaxParser(NewsEmbedding()))
        return _SYNTAX[0]


def _choose(parses: list[Any], lower: str) -> Any:
    """The reading to use: pymorphy3's best, with the tagger-slip guards applied."""
    preferred = _PREFERRED_LEMMA.get(lower)
    if preferred is not None:
        for parse in parses:
            if parse.normal_form == preferred:
                return parse
    best = parses[0]
    if lower.endswith(_PAST_ENDINGS) and best.tag.POS == "VERB" and best.tag.tense != "past":
        # The «обняла → future» slip: a form ending in -л/-ла/-ли is a past tense when it can be.
        for parse in parses:
            if parse.tag.POS == "VERB" and parse.tag.tense == "past":
                return parse
    return best


@lru_cache(maxsize=65536)
def analyse(
    lower: str, capital: bool
) -> tuple[str, str, str, str, str, str, str, bool, bool, bool]:
    """(lemma, pos, gender, number, case, person, tense, name, geo, animate) of one word."""
    parses = morph_analyzer().parse(lower)
    parse = _choose(parses, lower)
    if capital and "Name" not in parse.tag and "Geox" not in parse.tag:
        # A capitalised word mid-sentence is a name when the dictionary can read it as one.
        parse = next((p for p in parses[:3] if "Name" in p.tag or "Surn" in p.tag), parse)
    tag = parse.tag
    name = capital and ("Name" in tag or "Surn" in tag or "Patr" in tag)
    geo = capital and "Geox" in tag
    return (
        parse.normal_form.replace("ё", "е"),
        str(tag.POS or ""),
        str(tag.gender or ""),
        str(tag.number or ""),
        str(tag.case or ""),
        str(tag.person or ""),
        str(tag.tense or ""),
        name,
        geo,
        tag.animacy == "anim",
    )


@lru_cache(maxsize=8192)
def analyse_past(lower: str) -> tuple[str, str, str, str, str, str, str, bool, bool, bool] | None:
    """The past-tense verb reading of a form, when pymorphy3 has one («начала» → начать)."""
    for parse in morph_analyzer().parse(lower):
        tag = parse.tag
        if tag.POS == "VERB" and tag.tense == "past":
            lemma = parse.normal_form.replace("ё", "е")
            return (lemma, "VERB", str(tag.gender or ""), str(tag.number or ""), "", "", "past",
                    False, False, False)  # fmt: skip
    return None


def _word(
    text: str, start: int, stop: int, sentence_start: bool, after_pronoun: bool = False
) -> Word:
    lower = text.lower().replace("ё", "е")
    if not lower.isalpha() and not any(c.isalpha() for c in lower):  # punctuation, numbers
        return Word(text, start, stop, lower, lower, "", "", "", "", "", "", False, False, False)
    capital = text[:1].isupper() and not sentence_start
    lemma, pos, gender, number, case, person, tense, name, geo, animate = analyse(lower, capital)
    if after_pronoun and pos != "VERB" and lower.endswith(_PAST_ENDINGS):
        # «я начала падать»: after «я», «она», «мы» a form that can be a past verb is one
        past = analyse_past(lower)
        if past is not None:
            lemma, pos, gender, number, case, person, tense, name, geo, animate = past
    return Word(
        text,
        start,
        stop,
        lower,
        lemma,
        pos,
        gender,
        number,
        case,
        person,
        tense,
        name,
        geo,
        animate,
    )


def read(text: str) -> RuDoc:
    """Split ``text`` into sentences and analysed words (no syntax yet)."""
    doc = RuDoc(text=text)
    for sentence in sentenize(text):
        first = len(doc.words)
        for token in tokenize(sentence.text):
            start = sentence.start + token.start
            after = len(doc.words) > first and doc.words[-1].lemma in _PRONOUNS
            doc.words.append(
                _word(
                    token.text, start, sentence.start + token.stop, len(doc.words) == first, after
                )
            )
            doc.sentence_of.append(len(doc.sentences))
        if len(doc.words) > first:
            doc.sentences.append(Sentence(first, len(doc.words)))
    return doc


def parse_syntax(doc: RuDoc, spans: list[tuple[int, int]]) -> None:
    """Dependency-parse the word spans ``[start, end)`` (each inside one sentence), all in
    one batch. Only the clause around a word that can hold a code is parsed: the model's cost
    grows with the words it reads, and a dream's other sentences never need it."""
    todo = [(a, b) for a, b in spans if b > a]
    if not todo:
        return
    batch = [[w.text for w in doc.words[a:b]] for a, b in todo]
    for (a, b), markup in zip(todo, syntax_parser().map(batch), strict=True):
        sentence = doc.sentences[doc.sentence_of[a]]
        if sentence.heads is None or sentence.rels is None:
            size = sentence.last - sentence.first
            sentence.heads, sentence.rels = [_UNPARSED] * size, [""] * size
        for k, token in enumerate(markup.tokens[: b - a]):
            head = int(token.head_id)
            sentence.heads[a + k - sentence.first] = a + head - 1 if head > 0 else -1
            sentence.rels[a + k - sentence.first] = str(token.rel)


def head_of(doc: RuDoc, index: int) -> tuple[int, str] | None:
    """(head index, relation) of a word in a parsed sentence, or None when unparsed."""
    sentence = doc.sentences[doc.sentence_of[index]]
    if sentence.heads is None or sentence.rels is None:
        return None
    offset = index - sentence.first
    return sentence.heads[offset], sentence.rels[offset]


def children(doc: RuDoc, index: int) -> list[tuple[int, str]]:
    """(child index, relation) of a word in a parsed sentence."""
    sentence = doc.sentences[doc.sentence_of[index]]
    if sentence.heads is None or sentence.rels is None:
        return []
    return [
        (sentence.first + k, rel)
        for k, (head, rel) in enumerate(zip(sentence.heads, sentence.rels, strict=True))
        if head == index
    ]
