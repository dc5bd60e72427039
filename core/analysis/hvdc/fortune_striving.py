"""Success (``SU``) and failure (``FL``): the outcome of a character's own striving.

Hall & Van de Castle code success when a character spends effort towards a goal and reaches
it by that effort, and failure when the effort falls short through the character's own
inadequacy; what outside forces or other people bring about is misfortune or an interaction,
never an achievement outcome.  So the coder reads *episodes*: a striving (``tried``,
``struggled``, a search) opens one for its subject, and an outcome word in the same or the
next sentence closes it (``but couldn't``, ``in vain``, ``finally did``, ``found it``).
Outcome words that carry the striving in themselves (``managed``, ``flunked``, ``couldn't
find``) are coded without one.  The code names the striver, not whoever stands nearest the
outcome word (``I tried to explain but couldn't`` is the dreamer's failure), and another
character's refusal (``... but she wouldn't``) is interference, not failure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cast import DREAMER, Cast
from .lexicon import PhraseTable, table
from .participants import clause_of, subject_before
from .text import Document
from .types import Code

_NEGATORS = frozenset({"not", "never", "no", "didn't", "wasn't", "weren't", "hardly"})
#: Words that put an outcome into a wish, a fear or a doubt instead of the dream's events.
_UNREAL = frozenset(
    {
        "if",
        "whether",
        "afraid",
        "fear",
        "feared",
        "hope",
        "hoped",
        "hoping",
        "wish",
        "wished",
        "wondered",
        "worried",
        "thought",
        "sure",
        "might",
        "should",
        "lest",
        "unless",
        "maybe",
        "perhaps",
        "before",
    }
)
#: Verbs after ``couldn't``/``failed to`` that tell what the dreamer knows or perceives:
#: not the outcome of an effort.
_MENTAL = frozenset(
    {
        "remember",
        "recall",
        "understand",
        "see",
        "believe",
        "tell",
        "imagine",
        "say",
        "figure",
        "think",
        "decide",
        "explain",
        "recognize",
        "describe",
        "identify",
        "notice",
        "appear",
        "realize",
        "mention",
        "hear",
        "know",
        "help",
        "stand",
        "wait",
        "resist",
        "go",
        "come",
    }
)
#: ``finally`` + one of these is how a scene ends, not what an effort achieved.
_NOT_ACHIEVED = frozenset(
    {
        "woke",
        "awoke",
        "awakened",
        "realized",
        "decided",
        "agreed",
        "became",
        "seemed",
        "saw",
        "remembered",
        "thought",
        "knew",
        "heard",
        "noticed",
        "came",
        "went",
        "ended",
        "fell",
        "stopped",
        "left",
        "said",
        "asked",
        "the",
        "a",
        "it",
        "turns",
        "turned",
        "consented",
        "accepted",
        "that",
        "there",
    }
)
#: ``finally`` + one of these tells an achievement even a sentence after the striving.
_ACHIEVED = frozenset(
    {"managed", "succeeded", "reached", "caught", "beat", "did", "got", "found", "was", "were"}
)
#: Object pronouns: never the subject of a striving.
_OBJECTS = frozenset({"me", "him", "them", "us", "her"})
#: Before a striving word, these make it a plan or a report of one, not an effort made.
_PLANNED = frozenset({"would", "will", "'ll", "shall", "going", "might", "could", "should"})
_POTENTIAL = frozenset({"could", "would", "can", "will", "might", "to", "'d", "should"})
_DONE = frozenset({"answered", "did", "done", "it", "them", "everything", "all", "solved"})
_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you"})
_FOUND_NOT = frozenset(
    {
        "out",
        "myself",
        "herself",
        "himself",
        "ourselves",
        "themselves",
        "that",
        "it",
        "him",
        "her",
        "me",
        "us",
        "only",
    }
)
_MADE_IT = frozenset({"in", "to", "through", ".", ",", "back", "home", "safely", "!", "just"})
_TEST = frozenset(
    {"test", "exam", "examination", "exams", "tests", "quiz", "examinations", "audition"}
)
_RECORD = frozenset({"time", "record", "score", "stroke", "strokes", "points", "seconds"})
_NOT_CONTEST = frozenset({"up", "out", "pulp", "with", "me", "us"})
_CONTEST = frozenset(
    {"race", "game", "contest", "competition", "match", "prize", "award", "election", "cup"}
)
_WINDOW = 1  # sentences after a striving in which its outcome may be told
_COMPANIONS = 3
#: Success words whose negation tells a failure ("didn't manage", "wasn't able ... correctly").
_NEGATABLE = frozenset({"managed", "manage", "succeeded", "correctly", "made", "solved"})
#: After "couldn't": states and knowledge, not a blocked action.
_NOT_BLOCKED = frozenset({"be", "place", "seem", "catch", "give", "keep", "to"})
#: Reported or supposed: "I told her I couldn't", "if I went I could not".
_SAID = frozenset({"told", "tell", "said", "say", "says", "if", "unless", "that"})
_COMPANION_SENTENCES = 3
_SEARCH_WINDOW = 3  # a search may end in "found" a few sentences later
_GIVE_UP_OBJECTS = frozenset(
    {"my", "his", "her", "their", "our", "your", "its", "a", "an", "some", "all", "everything"}
)


@dataclass(slots=True)
class _Cue:
    """One striving word or phrase: its role and token range ``[first, last]``."""

    role: str
    first: int
    last: int


@dataclass(slots=True)
class _Episode:
    """An open striving: who strives, where, whether it is a search, what came of it."""

    striver: int
    token: int | None
    sentence: int
    search: bool
    outcome: int | None = None  # index into the codes list once an outcome is coded


def _match(doc: Document, i: int, lex: PhraseTable) -> _Cue | None:
    """The longest phrase of the striving table starting at token i."""
    toks = doc.tokens
    w = toks[i].low
    best: _Cue | None = None
    for rest, role in lex.phrases.get(w, ()):
        end = i + len(rest)
        if best is not None and end <= best.last:
            continue
        if end < len(toks) and tuple(t.low for t in toks[i + 1 : end + 1]) == rest:
            best = _Cue(role, i, end)
    if best is None and w in lex.words:
        best = _Cue(lex.words[w], i, i)
    return best


def _cues(doc: Document, first: int, last: int) -> list[_Cue]:
    """Striving cues of a sentence in reading order (phrases do not overlap)."""
    lex = table("striving")
    out: list[_Cue] = []
    i = first
    while i < last:
        cue = _match(doc, i, lex) if doc.tokens[i].is_word else None
        if cue is not None and cue.last < last:
            out.append(cue)
            i = cue.last + 1
        else:
            i += 1
    return out


def _word(doc: Document, i: int) -> str:
    return doc.tokens[i].low if 0 <= i < len(doc.tokens) else "."


def _before(doc: Document, i: int, n: int) -> list[str]:
    """Up to n words before token i inside its clause."""
    first, _ = clause_of(doc, i)
    return [doc.tokens[j].low for j in range(max(first, i - n), i)]


def _negated(doc: Document, cue: _Cue) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") for w in _before(doc, cue.first, 3))


def _unreal(doc: Document, cue: _Cue) -> bool:
    """Feared, hoped for or doubted (``afraid I couldn't``, ``not sure who won``)."""
    sent = doc.sentences[doc.tokens[cue.first].sentence]
    lead = [doc.tokens[j].low for j in range(max(sent.first, cue.first - 6), cue.first)]
    return any(w in _UNREAL for w in lead)


def _next_verb(doc: Document, cue: _Cue) -> str:
    """The word after ``couldn't``/``failed to`` (``could not`` and ``to`` skipped)."""
    j = cue.last + 1
    while _word(doc, j) in {"to", "even", "really", "quite", "possibly", "at", "all"}:
        j += 1
    return _word(doc, j)


def _valid(doc: Document, cue: _Cue) -> bool:
    """Whether an outcome word really tells an outcome here (role-specific checks)."""
    first, final = doc.tokens[cue.first].low, doc.tokens[cue.last].low
    nxt = _word(doc, cue.last + 1)
    if cue.role in {"FAIL", "FL", "SU"} and _next_verb(doc, cue) in _MENTAL:
        return False
    if cue.role in {"WIN", "SU", "FOUND"} and _word(doc, cue.first - 1) in _POTENTIAL:
        return False  # "the one who could beat her", "trying to find": not yet achieved
    if first in {"gave", "given"}:
        return nxt not in _GIVE_UP_OBJECTS
    if first in {"finally", "at"} and cue.role == "WIN":
        return nxt not in _NOT_ACHIEVED and _word(doc, cue.last + 2) not in _NOT_ACHIEVED
    if first == "made":
        return nxt in _MADE_IT and nxt != ","
    if final in {"found", "find"} and (nxt == "out" or (cue.role != "FL" and nxt in _FOUND_NOT)):
        return False
    if first in {"wouldn't", "would"}:
        if _word(doc, cue.first - 1) in _PERSONAL - {"i", "we"}:
            return False  # "but she wouldn't": someone else's refusal
        if {"so", "that", "lest"} & set(_before(doc, cue.first, 3)):
            return False  # "so I wouldn't feel nervous": a purpose, not an outcome
    if first == "correctly" and not _negated(doc, cue):
        return _word(doc, cue.first - 1) in _DONE
    if first in {"succeed", "manage"}:  # only "didn't manage": "to manage" is a plan
        return _negated(doc, cue)
    return not _unreal(doc, cue)


def _subject(doc: Document, cast: Cast, cue: _Cue) -> int | None:
    """Token of the referent that does the cue's verb: the nearest one before it that is not
    an object pronoun (``while I looked through them to find`` -> ``I``)."""
    sent = doc.sentences[doc.tokens[cue.first].sentence]
    for j in range(cue.first - 1, max(sent.first, cue.first - 10) - 1, -1):
        if j in cast.refs and doc.tokens[j].low not in _OBJECTS:
            return j
    return None


def _clause_actor(doc: Document, cast: Cast, cue: _Cue) -> int | None:
    """Referent named in the outcome's own clause (``but she wouldn't``), or right after an
    adverb outcome (``at last our instructor came``)."""
    first, _ = clause_of(doc, cue.first)
    for j in range(cue.first - 1, first - 1, -1):
        ref = cast.refs.get(j)
        if ref is not None and doc.tokens[j].low not in _OBJECTS:
            return ref
    if doc.tokens[cue.first].low in {"finally", "at"}:
        for j in range(cue.last + 1, min(len(doc.tokens), cue.last + 4)):
            ref = cast.refs.get(j)
            if ref is not None:
                return ref
    return None


def _special(doc: Document, i: int) -> _Cue | None:
    """Outcomes the table cannot hold: ``passed the exam``, ``won the race``, ``beat her``."""
    toks = doc.tokens
    w = toks[i].low
    ahead = {toks[j].low for j in range(i + 1, min(len(toks), i + 7))}
    if w == "passed" and ahead & _TEST:
        return _Cue("SU", i, i)
    if w in {"failed", "flunked"} and ahead & _TEST:
        return _Cue("FL", i, i)
    if w == "won" and (ahead & _CONTEST or _word(doc, i + 1) in {".", "!", ","}):
        return _Cue("SU", i, i)
    if w == "lost" and ahead & _CONTEST:
        return _Cue("FL", i, i)
    if w == "beat" and _word(doc, i - 1) not in {"to", "the", "a"} and not ahead & _NOT_CONTEST:
        # "beat her by one stroke", "beat his time": sure; otherwise only as the outcome of
        # a striving ("trying to beat ...") -- "beat him" alone is usually an attack
        return _Cue("SU" if ahead & _RECORD else "WIN", i, i)
    return None


def _all_cues(doc: Document, first: int, last: int) -> list[_Cue]:
    cues = _cues(doc, first, last)
    taken = {j for c in cues for j in range(c.first, c.last + 1)}
    for i in range(first, last):
        if i not in taken:
            cue = _special(doc, i)
            if cue is not None:
                cues.append(cue)
    cues.sort(key=lambda c: c.first)
    return cues


def _quoted(doc: Document) -> frozenset[int]:
    """Tokens inside quotation marks (an unclosed quote marks nothing)."""
    inside: list[int] = []
    out: set[int] = set()
    for tok in doc.tokens:
        if tok.text in {'"', "\u201c", "\u201d"}:
            if inside or tok.text == "\u201d":
                out.update(inside)
                inside = []
            else:
                inside = [tok.index]
        elif inside:
            inside.append(tok.index)
    return frozenset(out)


def _companions(doc: Document, cast: Cast, i: int) -> list[int]:
    """Who "we" at token i strives with: the people of the last few sentences (a group
    introduced at the start of a report is still "we" three sentences on), animals aside."""
    sent = doc.tokens[i].sentence
    out: list[int] = []
    for j in range(i - 1, max(-1, i - 150), -1):  # bounded: run-on reports
        if doc.tokens[j].sentence < sent - _COMPANION_SENTENCES:
            break
        ref = cast.refs.get(j)
        if ref is None or ref == DREAMER or ref in out:
            continue
        char = cast.characters[ref]
        if char.is_animal or char.number not in {"1", "2"}:  # animals, the dead
            continue
        out.append(ref)
    return out[:_COMPANIONS][::-1]  # in order of mention


class _Coder:
    """Walks a report sentence by sentence, opening and closing striving episodes."""

    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc, self.cast = doc, cast
        self.codes: list[Code | None] = []
        self.refs: list[int] = []  # the striver of each code
        self.episode: _Episode | None = None
        self.lost: int | None = None  # where the dreamer could not find something
        self.exam = any(t.low in _TEST for t in doc.tokens)
        self.quoted = _quoted(doc)

    def _label(self, ref: int, tok: int | None) -> str:
        """``D``, a character code, or ``D + 1FKA + ...`` for "we": coders name everyone
        who shares the striving, so "we" takes up to three companions."""
        label = self.cast.code_of(ref)
        if ref == DREAMER and tok is not None and tok in self.cast.we_tokens:
            others = _companions(self.doc, self.cast, tok)
            label = " + ".join([label, *(self.cast.code_of(o) for o in others)])
        return label

    def _emit(self, kind: str, ref: int, tok: int | None, at: int) -> int:
        category = "success" if kind == "SU" else "failure"
        (start, end), text = self.doc.span_text(at, at)
        code = Code(category, f"{kind}, {self._label(ref, tok)}", (start, end), text)
        self.codes.append(code)
        self.refs.append(ref)
        return len(self.codes) - 1

    def _open(self, cue: _Cue, sentence: int) -> None:
        if _word(self.doc, cue.first - 1) in _PLANNED or _word(self.doc, cue.first - 2) in {
            "going",
            "would",
            "will",
        }:
            return  # "he would try", "going to try": a plan, not an effort
        ep = self.episode
        search = cue.role == "SEARCH"
        tok = _subject(self.doc, self.cast, cue)
        ref = DREAMER if tok is None else self.cast.refs[tok]
        if ref != DREAMER and self.cast.characters[ref].is_animal:
            self.episode = None  # an animal's struggle is coded as its misfortune, if at all
            return
        same = ep is not None and ep.striver == ref and sentence - ep.sentence <= _WINDOW
        if ep is not None and same and (ep.outcome is None or self._prior_failure(ep)):
            # trying again after a failure is the same striving: a later success overturns
            # the failure, a second failure is not counted twice
            ep.sentence, ep.search = sentence, ep.search or search
            return
        self.episode = _Episode(ref, tok, sentence, search)

    def _live(self, sentence: int, window: int = _WINDOW) -> _Episode | None:
        ep = self.episode
        if ep is None or sentence - ep.sentence > window:
            return None
        return ep

    def _prior_failure(self, ep: _Episode) -> bool:
        prior = None if ep.outcome is None else self.codes[ep.outcome]
        return prior is not None and prior.code.startswith("FL")

    def _reaches(self, cue: _Cue, ep: _Episode, sentence: int) -> bool:
        """Whether an outcome word is close enough to the striving to be its outcome."""
        gap = sentence - ep.sentence
        word = self.doc.tokens[cue.first].low
        if cue.role == "FOUND":
            return ep.search and 0 < gap <= _SEARCH_WINDOW
        if word in {"finally", "at"}:  # a bare "finally" ends many scenes
            late = _word(self.doc, cue.last + 1) in _ACHIEVED
            return gap == 0 or (gap <= _WINDOW + 1 and (late or self._prior_failure(ep)))
        return gap <= _WINDOW

    def _close(self, cue: _Cue, sentence: int) -> bool:
        """Code the outcome of the open episode; False when the cue is not its outcome."""
        ep = self.episode
        if ep is None or not self._reaches(cue, ep, sentence):
            return False
        if cue.role == "FOUND" and _negated(self.doc, cue):
            return False
        actor = _clause_actor(self.doc, self.cast, cue)
        if actor is not None and actor != ep.striver:
            return False  # someone else refuses or acts: interference, not the striver's outcome
        kind = "FL" if cue.role == "FAIL" else "SU"
        if ep.outcome is not None:
            if kind == "FL" or not self._prior_failure(ep):
                return True  # one outcome per striving
            self.codes[ep.outcome] = None  # a failure overcome later is a success
        ep.outcome = self._emit(kind, ep.striver, ep.token, cue.first)
        return True

    def _sure(self, cue: _Cue) -> None:
        kind = cue.role
        if kind == "SU" and _negated(self.doc, cue):
            if self.doc.tokens[cue.first].low not in _NEGATABLE:
                return
            kind = "FL"
        tok = _subject(self.doc, self.cast, cue)
        ref = DREAMER if tok is None else self.cast.refs[tok]
        ep = self.episode
        if ep is not None and ep.striver == ref and ep.outcome is not None:
            prior = self.codes[ep.outcome]
            if kind == "SU" and prior is not None and prior.code.startswith("FL"):
                self.codes[ep.outcome] = None
        index = self._emit(kind, ref, tok, cue.first)
        final = self.doc.tokens[cue.last].low
        if kind == "FL" and ref == DREAMER and final in {"find", "found"} and self.lost is None:
            self.lost = cue.first
        if ep is not None and ep.striver == ref:
            ep.outcome = index

    def sentence(self, s: int) -> bool:
        """Code one sentence; True when it told an outcome."""
        sent = self.doc.sentences[s]
        told = False
        for cue in _all_cues(self.doc, sent.first, sent.last):
            if cue.first in self.quoted:
                continue  # what someone says is not what happens
            if cue.role == "EXAM":
                if not self.exam or _unreal(self.doc, cue):
                    continue
                cue = _Cue("FL", cue.first, cue.last)
            if cue.role in {"STRIVE", "SEARCH"}:
                self._open(cue, s)
            elif not _valid(self.doc, cue):
                continue
            elif cue.role in {"SU", "FL"}:
                self._sure(cue)
                told = True
            else:
                told = self._close(cue, s) or told
        return told


def _obstacle(doc: Document, cast: Cast, first: int, last: int) -> int | None:
    """Token of ``couldn't``/``impossible`` when the dreamer is blocked without striving:
    an obstacle, the mildest misfortune (M1).  Not for what she can't remember, place or be
    sure of, nor for what she only says or supposes she can't do."""
    toks = doc.tokens
    for j in range(first, last):
        w = toks[j].low
        if w == "could" and _word(doc, j + 1) in {"not", "hardly"}:
            k = j + 2
        elif w in {"couldn't", "can't", "cannot", "impossible"}:
            k = j + 1
        else:
            continue
        while _word(doc, k) in {"quite", "really", "even", "possibly", "seem", "seem to"}:
            k += 1
        nxt = _word(doc, k)
        if nxt in _MENTAL or nxt in _NOT_BLOCKED or (w == "impossible" and nxt != "for"):
            continue
        if any(toks[m].low in _SAID for m in range(max(first, j - 5), j)):
            continue
        if subject_before(doc, cast, j, reach=4) == DREAMER:
            return j
    return None


def code_striving(doc: Document, cast: Cast) -> list[Code]:
    """Success and failure codes, one per outcome and person per dream (a striving told over
    several sentences is counted once), plus an M1 obstacle where the dreamer is blocked
    without having striven."""
    coder = _Coder(doc, cast)
    blocked_at: int | None = None
    for s, sent in enumerate(doc.sentences):
        told = coder.sentence(s)
        if not told and blocked_at is None and coder._live(s) is None:
            blocked_at = _obstacle(doc, cast, sent.first, sent.last)
    if blocked_at is None:
        # coders split "couldn't find" between failure and the M1 "can't find" mishap;
        # the dreamer's search that fails is both a failure and being blocked
        blocked_at = coder.lost
    codes: list[Code] = []
    seen: set[tuple[str, int]] = set()
    for code, ref in zip(coder.codes, coder.refs, strict=True):
        if code is not None and (code.code[:2], ref) not in seen:
            seen.add((code.code[:2], ref))
            codes.append(code)
    if blocked_at is not None:
        (start, end), text = doc.span_text(blocked_at, blocked_at)
        codes.append(Code("misfortune", "M1, D", (start, end), text))
    return codes
