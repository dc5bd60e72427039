"""The words of a striving and their outcomes, read off ``data/striving.tsv``.

A cue is a word or phrase with a role: ``STRIVE`` and ``SEARCH`` open a striving, ``FAIL``
and ``WIN`` close one, ``SU``/``FL`` carry their own striving (``managed``, ``flunked``),
``FOUND`` ends a search and ``EXAM`` is a failure in a dream about an examination.  The
checks here decide whether a cue tells what happens in the dream: not in a wish or a fear,
not a plan, not what someone says, not knowing or perceiving, not an idiom.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import PhraseTable, table
from ..participants import clause_of, is_passive
from ..text import Document, word_set
from .scan import KNOWING_VERBS, positions

_QUOTES = frozenset({'"', "\u201c", "\u201d"})

_NEGATORS = frozenset({"not", "never", "no", "didn't", "wasn't", "weren't", "hardly"})

#: Words that put an outcome into a wish, a fear or a doubt instead of the dream's events.
_UNREAL = word_set(
    "if whether afraid fear feared hope hoped hoping wish wished wondered worried thought "
    "sure might should lest unless maybe perhaps before"
)

#: Verbs after ``couldn't``/``failed to`` that tell what the dreamer knows or perceives:
#: not the outcome of an effort.
_MENTAL = KNOWING_VERBS | {"appear", "come", "go", "mention"}

#: ``finally`` + one of these is how a scene ends, not what an effort achieved.
_NOT_ACHIEVED = word_set(
    "woke awoke awakened realized decided agreed became seemed saw remembered thought knew "
    "heard noticed came went ended fell stopped left said asked the a it turns turned "
    "consented accepted that there "
    # the same in the present tense, in which many reports are told
    "wake wakes realize realizes decide decides agree agrees become becomes seem seems see "
    "sees remember remembers think thinks know knows hear hears notice notices come comes go "
    "goes end ends fall falls stop stops leave leaves say says ask asks accept accepts"
)

_POTENTIAL = frozenset(
    {"could", "would", "can", "will", "might", "to", "'d", "should", "how", "whether"}
)

_DONE = frozenset({"answered", "did", "done", "it", "them", "everything", "all", "solved"})

_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you"})

_FOUND_NOT = word_set("out myself herself himself ourselves themselves that it him her me us only")

#: Words that tell an outcome at the end of an effort (``finally did``, ``eventually I do``).
AT_LAST = frozenset({"finally", "at", "eventually"})

#: ``miss`` with a person after it is longing, not a miss.
_MISSED_PEOPLE = frozenset({"her", "him", "them", "you", "us", "me", "mary", "home"})

_MADE_IT = frozenset({"in", "to", "through", ".", ",", "back", "home", "safely", "!", "just"})

TEST = frozenset(
    {"test", "exam", "examination", "exams", "tests", "quiz", "examinations", "audition"}
)

_CAPTURE = frozenset({"caught", "captured", "seized", "trapped", "overtook"})
_CAUGHT_OBJECTS = frozenset({"him", "her", "it", "them"})
_CATCHERS = frozenset({"i", "we", "finally", "quickly", "easily", "then", "and", "eventually"})
_SPECIAL = frozenset(
    {"passed", "failed", "flunked", "won", "lost", "beat", "caught", "captured", "seized"}
    | {"trapped", "overtook", "scored", "score", "scores", "missed", "miss", "misses"}
    | {"fumbled", "fumble", "fumbles"}
)
#: What a player aims at: scoring one is a success, missing one a failure.
_AIMED = word_set(
    "touchdown touchdowns goal goals basket baskets run runs home point points bullseye "
    "ball shot shots target putt pass catch pitch throw kick hoop free"
)
_RECORD = frozenset({"time", "record", "score", "stroke", "strokes", "points", "seconds"})

_NOT_CONTEST = frozenset({"up", "out", "pulp", "with", "me", "us"})

_CONTEST = frozenset(
    {"race", "game", "contest", "competition", "match", "prize", "award", "election", "cup"}
)

_GIVE_UP_OBJECTS = word_set("my his her their our your its a an some all everything as")


@dataclass(slots=True)
class Cue:
    """One striving word or phrase: its role and token range ``[first, last]``."""

    role: str
    first: int
    last: int


_Phrases = dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]


@cache
def _phrase_index(name: str) -> _Phrases:
    """The phrases of lexicon ``name`` by first and second word, longest first (ties in file
    order): most words that start a phrase are followed by none of its second words."""
    index: _Phrases = {}
    for first, entries in table(name).phrases.items():
        by_second = index.setdefault(first, {})
        for rest, role in sorted(entries, key=lambda e: -len(e[0])):
            by_second.setdefault(rest[0], []).append((rest, role))
    return index


def _match(doc: Document, i: int, lex: PhraseTable) -> Cue | None:
    """The longest phrase of the striving table starting at token i, else its word."""
    toks = doc.tokens
    w = toks[i].low
    by_second = _phrase_index("striving").get(w)
    if by_second and i + 1 < len(toks):
        for rest, role in by_second.get(toks[i + 1].low, ()):
            end = i + len(rest)
            if end < len(toks) and all(
                toks[i + k].low == rest[k - 1] for k in range(2, len(rest) + 1)
            ):
                return Cue(role, i, end)
    single = lex.words.get(w)
    return None if single is None else Cue(single, i, i)


def _cues(doc: Document, positions: list[int], last: int) -> list[Cue]:
    """Striving cues starting at ``positions`` (ascending) in reading order; phrases do not
    overlap and none runs past ``last``."""
    lex = table("striving")
    out: list[Cue] = []
    free = 0  # the first token not inside a cue already read
    for i in positions:
        if i < free:
            continue
        cue = _match(doc, i, lex)
        if cue is not None and cue.last < last:
            out.append(cue)
            free = cue.last + 1
    return out


def word(doc: Document, i: int) -> str:
    """The lower-cased token at i, or "." past either end of the report."""
    return doc.tokens[i].low if 0 <= i < len(doc.tokens) else "."


def before(doc: Document, i: int, n: int) -> list[str]:
    """Up to n words before token i inside its clause."""
    first, _ = clause_of(doc, i)
    return [doc.tokens[j].low for j in range(max(first, i - n), i)]


def negated(doc: Document, cue: Cue) -> bool:
    """``didn't manage``, ``never found``: a negator just before the cue in its clause."""
    return any(w in _NEGATORS or w.endswith("n't") for w in before(doc, cue.first, 3))


def unreal(doc: Document, cue: Cue) -> bool:
    """Feared, hoped for or doubted (``afraid I couldn't``, ``not sure who won``)."""
    sent = doc.sentences[doc.tokens[cue.first].sentence]
    lead = [doc.tokens[j].low for j in range(max(sent.first, cue.first - 6), cue.first)]
    return any(w in _UNREAL for w in lead)


def _next_verb(doc: Document, cue: Cue) -> str:
    """The word after ``couldn't``/``failed to`` (``could not`` and ``to`` skipped)."""
    j = cue.last + 1
    while word(doc, j) in {"to", "even", "really", "quite", "possibly", "at", "all"}:
        j += 1
    return word(doc, j)


def valid(doc: Document, cue: Cue) -> bool:
    """Whether an outcome word really tells an outcome here (role-specific checks)."""
    first, final = doc.tokens[cue.first].low, doc.tokens[cue.last].low
    nxt = word(doc, cue.last + 1)
    if cue.role in {"FAIL", "FL", "SU"} and _next_verb(doc, cue) in _MENTAL:
        return False
    if cue.role in {"WIN", "SU", "FOUND"} and word(doc, cue.first - 1) in _POTENTIAL:
        return False  # "the one who could beat her", "trying to find": not yet achieved
    if word(doc, cue.first - 1) in {"will", "'ll", "shall", "to"}:
        return False  # "they will flunk", "afraid to fail": not (yet) what happened
    if first in {"gave", "given"}:
        return nxt not in _GIVE_UP_OBJECTS
    if first in AT_LAST and cue.role == "WIN":
        return nxt not in _NOT_ACHIEVED and word(doc, cue.last + 2) not in _NOT_ACHIEVED
    if first == "made":
        return nxt in _MADE_IT and nxt != ","
    if final in {"found", "find"} and (nxt == "out" or (cue.role != "FL" and nxt in _FOUND_NOT)):
        # "found out", "found myself", "found it strange"; but "finally found it" is found
        return first in AT_LAST and nxt in {"it", "them", "him", "her"}
    if first in {"miss", "missed", "misses"} and nxt in _MISSED_PEOPLE:
        return False  # "I miss her": longing, not a shot that missed
    if first in {"wouldn't", "would", "won't", "will"}:
        if word(doc, cue.first - 1) in _PERSONAL - {"i", "we"}:
            return False  # "but she wouldn't": someone else's refusal
        if {"so", "that", "lest"} & set(before(doc, cue.first, 8)):
            return False  # "so I wouldn't feel nervous": a purpose, not an outcome
    if first == "correctly" and not negated(doc, cue):
        return word(doc, cue.first - 1) in _DONE
    if cue.role == "FAIL" and nxt == "have":
        return False  # "I wouldn't have chosen": a counterfactual
    if first == "got" and nxt in {"wrong", "all"}:
        return False  # "got it wrong"
    if first == "the" and cue.role == "SU":  # "I was the winner", not "the winner goes on"
        return word(doc, cue.first - 1) in {"was", "am", "is", "were", "be", "been"}
    if first in {"succeed", "manage"}:  # "didn't manage", "I manage to": "to manage" is a plan
        return negated(doc, cue) or word(doc, cue.first - 1) in _PERSONAL | AT_LAST
    return not unreal(doc, cue)


def _special(doc: Document, i: int) -> Cue | None:
    """Outcomes the table cannot hold: ``passed the exam``, ``won the race``, ``beat her``."""
    toks = doc.tokens
    w = toks[i].low
    if w not in _SPECIAL:
        return None
    ahead = {toks[j].low for j in range(i + 1, min(len(toks), i + 7))}
    if w == "passed" and ahead & TEST:
        return Cue("SU", i, i)
    if w in {"failed", "flunked"} and ahead & TEST:
        return Cue("FL", i, i)
    if w == "won" and (ahead & _CONTEST or word(doc, i + 1) in {".", "!", ","}):
        return Cue("SU", i, i)
    if w == "lost" and ahead & _CONTEST:
        return Cue("FL", i, i)
    near = {toks[j].low for j in range(i + 1, min(len(toks), i + 4))}
    if w in {"scored", "score", "scores"} and near & _AIMED and word(doc, i - 1) != "you":
        return Cue("SU", i, i)  # "I scored a touchdown", "scores the winning basket"
    if w in {"missed", "miss", "misses"}:  # "I missed the ball"; else only after a try
        return Cue("FL" if near & _AIMED else "FAIL", i, i)
    if w in {"fumbled", "fumble", "fumbles"}:
        return Cue("FL", i, i)
    if w in _CAPTURE and word(doc, i + 1) in _CAUGHT_OBJECTS and word(doc, i - 1) in _CATCHERS:
        return Cue("SU", i, i)  # "we caught her", "I seized it": a chase won
    if w == "beat" and word(doc, i - 1) not in {"to", "the", "a"} and not ahead & _NOT_CONTEST:
        # "beat her by one stroke", "beat his time": sure; otherwise only as the outcome of
        # a striving ("trying to beat ...") -- "beat him" alone is usually an attack
        return Cue("SU" if ahead & _RECORD else "WIN", i, i)
    return None


@cache
def first_words(name: str) -> frozenset[str]:
    """Every word an entry of lexicon ``name`` starts with: other tokens match nothing."""
    lex = table(name)
    return frozenset(lex.words) | frozenset(lex.phrases)


@cache
def _cue_starts() -> frozenset[str]:
    return first_words("striving") | _SPECIAL


def cue_positions(doc: Document) -> list[list[int]]:
    """Per sentence, the tokens a striving cue can start at (most sentences have none): a
    word of the table or a special outcome, or a phrase's first word before its second."""
    words, phrases = table("striving").words, _phrase_index("striving")
    out: list[list[int]] = [[] for _ in doc.sentences]
    toks = doc.tokens
    for i in positions(doc, _cue_starts()):
        w = toks[i].low
        if w in words or w in _SPECIAL or (i + 1 < len(toks) and toks[i + 1].low in phrases[w]):
            out[toks[i].sentence].append(i)
    return out


def all_cues(doc: Document, positions: list[int], last: int) -> list[Cue]:
    """Table cues and the context-dependent ones (``passed the exam``) starting at
    ``positions`` (a sentence's entry of ``cue_positions``), ending before ``last``."""
    if not positions:
        return []
    cues = _cues(doc, positions, last)
    taken = {j for c in cues for j in range(c.first, c.last + 1)}
    for i in positions:
        if i not in taken and doc.tokens[i].low in _SPECIAL:
            cue = _special(doc, i)
            if cue is not None:
                cues.append(cue)
    cues.sort(key=lambda c: c.first)
    return cues


def quoted(doc: Document) -> frozenset[int]:
    """Tokens inside quotation marks (an unclosed quote marks nothing)."""
    if not any(mark in doc.text for mark in _QUOTES):
        return frozenset()
    inside: list[int] = []
    out: set[int] = set()
    for tok in doc.tokens:
        if tok.text in _QUOTES:
            if inside or tok.text == "\u201d":
                out.update(inside)
                inside = []
            else:
                inside = [tok.index]
        elif inside:
            inside.append(tok.index)
    return frozenset(out)


#: Words that may stand between a be-verb and its participle (``were all executed``).
_FLOATING = frozenset({"all", "both", "each", "then"})


def passive_before(doc: Document, i: int) -> bool:
    """``were all executed flawlessly``, ``was done correctly``: a passive verb right before
    the outcome adverb at i (``all``, ``both`` may stand between it and its be-verb)."""
    j = i - 1
    if j < 1 or not doc.tokens[j].low.endswith(("ed", "en", "done")):
        return False
    k = j - 1
    while k > j - 3 and word(doc, k) in _FLOATING:
        k -= 1
    return is_passive(doc, j) or (k < j - 1 and word(doc, k) in {"was", "were", "been"})


#: Before an outcome word, these start a noun phrase, name a thing or someone the cast did
#: not resolve: a subject that is not the dreamer.
_THING_STARTS = frozenset(
    {"the", "a", "an", "it", "this", "its", "#", "he", "she", "they", "someone", "somebody"}
)


def thing_before(doc: Document, cue: Cue) -> bool:
    """A subject before the outcome word, in its clause, that is no character of the cast
    (a thing, an unresolved pronoun): the outcome is not the dreamer's."""
    first, _ = clause_of(doc, cue.first)
    return any(
        doc.tokens[j].low in _THING_STARTS or doc.tokens[j].low[:1].isdigit()
        for j in range(max(first, cue.first - 6), cue.first)
    )
