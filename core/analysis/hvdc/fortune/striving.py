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

``couldn't find`` is split between failure and the M1 mishap, as coders split it: a person
who is not there, none of a thing (``couldn't find any``) or another character's loss that
the dreamer only watches is a mishap; a ``couldn't find`` followed by a search is where the
striving starts, and what that search comes to is its outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..cast.model import DREAMER, Cast
from ..parse.tree import EMPTY, Parse
from ..participants import agent_after, clause_of, is_passive
from ..text import Document
from ..types import Code
from .attempts import attempt_outcome, effort_failure
from .companions import companions_of_we
from .cues import (
    AT_LAST,
    TEST,
    Cue,
    all_cues,
    cue_positions,
    negated,
    passive_before,
    quoted,
    thing_before,
    unreal,
    valid,
    word,
)
from .obstacles import find_obstacle, not_there, obstacle_positions
from .scan import positions

#: ``finally`` + one of these tells an achievement even a sentence after the striving.
_ACHIEVED = frozenset(
    {"managed", "succeeded", "reached", "caught", "beat", "did", "got", "found", "was", "were"}
    # the present tense, in which many reports are told
    | {"manage", "manages", "succeed", "succeeds", "reach", "reaches", "catch", "catches"}
    | {"beats", "do", "does", "get", "gets", "find", "finds", "make", "made", "makes"}
)

#: Of those, the ones that also end scenes (``finally we got out of the car``).
_SCENE = frozenset({"got", "get", "gets", "was", "were", "make", "made", "makes"})

#: Subject pronouns between ``finally`` and the deed it tells (``finally I do``).
_SUBJECTS = frozenset({"i", "we", "he", "she", "they"})

#: Object pronouns: never the subject of a striving.
_OBJECTS = frozenset({"me", "him", "them", "us", "her"})

#: Before a striving word, these make it a plan or a report of one, not an effort made.
_PLANNED = frozenset({"would", "will", "'ll", "shall", "going", "might", "could", "should"})

_WINDOW = 1  # sentences after a striving in which its outcome may be told

#: Success words whose negation tells a failure ("didn't manage", "wasn't able ... correctly").
_NEGATABLE = frozenset({"managed", "manage", "succeeded", "correctly", "made", "solved"})

_SEARCH_WINDOW = 3  # a search may end in "found" a few sentences later


@dataclass(slots=True)
class _Episode:
    """An open striving: who strives, where, whether it is a search, what came of it."""

    striver: int
    token: int | None
    sentence: int
    search: bool
    outcome: int | None = None  # index into the codes list once an outcome is coded


def _subject(doc: Document, cast: Cast, cue: Cue) -> int | None:
    """Token of the referent that does the cue's verb: the nearest one before it that is not
    an object pronoun (``while I looked through them to find`` -> ``I``)."""
    sent = doc.sentences[doc.tokens[cue.first].sentence]
    for j in range(cue.first - 1, max(sent.first, cue.first - 10) - 1, -1):
        if j in cast.refs and doc.tokens[j].low not in _OBJECTS:
            return j
    return None


def _clause_actor(doc: Document, cast: Cast, cue: Cue) -> int | None:
    """Referent named in the outcome's own clause (``but she wouldn't``), or right after an
    adverb outcome (``at last our instructor came``)."""
    first, _ = clause_of(doc, cue.first)
    for j in range(cue.first - 1, first - 1, -1):
        ref = cast.refs.get(j)
        if ref is not None and doc.tokens[j].low not in _OBJECTS:
            return ref
    if doc.tokens[cue.first].low in AT_LAST:
        for j in range(cue.last + 1, min(len(doc.tokens), cue.last + 4)):
            ref = cast.refs.get(j)
            if ref is not None:
                return ref
    return None


class _Coder:
    """Walks a report sentence by sentence, opening and closing striving episodes."""

    def __init__(self, doc: Document, cast: Cast, parse: Parse = EMPTY) -> None:
        self.doc, self.cast, self.parse = doc, cast, parse
        self.codes: list[Code | None] = []
        self.strived: list[bool] = []  # whether each code closes a striving told before it
        self.episode: _Episode | None = None
        self.lost: dict[int, int] = {}  # who could not find something, and where
        self.now = 0  # the sentence being read
        # "couldn't find X" before any search (code index, who, sentence), and those of them
        # a search started right after: that search's outcome is the striving's outcome
        self.unsought: tuple[int, int, int] | None = None
        self.resumed: dict[int, int] = {}
        self._exam: bool | None = None  # read on the first EXAM cue (most reports have none)
        self.quoted = quoted(doc)
        self.positions = cue_positions(doc)

    @property
    def exam(self) -> bool:
        """Whether the report is about a test or an exam."""
        if self._exam is None:
            self._exam = bool(positions(self.doc, TEST))
        return self._exam

    def _label(self, ref: int, tok: int | None) -> str:
        """``D``, a character code, or ``D + 1FKA + ...`` for "we": coders name everyone
        who shares the striving, so "we" takes up to three companions."""
        label = self.cast.code_of(ref)
        if ref == DREAMER and tok is not None and tok in self.cast.we_tokens:
            others = companions_of_we(self.doc, self.cast, tok)
            label = " + ".join([label, *(self.cast.code_of(o) for o in others)])
        return label

    def _emit(self, kind: str, ref: int, tok: int | None, at: int, strived: bool) -> int:
        """Append a success or failure code for ``ref`` at token ``at``; its index."""
        category = "success" if kind == "SU" else "failure"
        (start, end), text = self.doc.span_text(at, at)
        code = Code(category, f"{kind}, {self._label(ref, tok)}", (start, end), text)
        self.codes.append(code)
        self.strived.append(strived)
        if kind == "FL":  # the resumed search failed too: the first failure stands
            self.resumed = {i: who for i, who in self.resumed.items() if who != ref}
        return len(self.codes) - 1

    def _open(self, cue: Cue, sentence: int) -> None:
        """Open (or continue) a striving for the subject of a STRIVE or SEARCH cue."""
        if word(self.doc, cue.first - 1) in _PLANNED or word(self.doc, cue.first - 2) in {
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
        lost = self.unsought
        if search and lost is not None and lost[1] == ref and 0 < sentence - lost[2] <= 2:
            self.resumed[lost[0]] = ref  # "I couldn't find my books. I looked and looked"
            self.unsought = None
        same = (
            ep is not None
            and ep.striver == ref
            and self._we(ep.token) == self._we(tok)  # "we tried ... I tried": two strivings
            and sentence - ep.sentence <= _WINDOW
        )
        if ep is not None and same and (ep.outcome is None or self._prior_failure(ep)):
            # trying again after a failure is the same striving: a later success overturns
            # the failure, a second failure is not counted twice
            ep.sentence, ep.search = sentence, ep.search or search
        else:
            self.episode = _Episode(ref, tok, sentence, search)
        self._parsed_outcome(cue)

    def _parsed_outcome(self, cue: Cue) -> None:
        """Code the outcome the parse joins to an attempt (``tried ... but couldn't``); the
        parse's subject of the attempt is its striver."""
        outcome = attempt_outcome(self.doc, self.cast, self.parse, cue.first)
        ep = self.episode
        if outcome is None or ep is None:
            return
        if outcome.striver is not None and outcome.striver in self.cast.refs:
            ref = self.cast.refs[outcome.striver]
            if self._animal(ref):
                return
            ep.striver, ep.token = ref, outcome.striver
        if ep.outcome is not None:
            if outcome.kind == "FL" or not self._prior_failure(ep):
                return  # one outcome per striving
            self.codes[ep.outcome] = None  # a failure overcome later is a success
        ep.outcome = self._emit(outcome.kind, ep.striver, ep.token, outcome.at, True)

    def _animal(self, ref: int) -> bool:
        """An animal that does not yield (``but he remained where he was``) makes the
        striving fail; a person who refuses interferes."""
        return ref != DREAMER and self.cast.characters[ref].is_animal

    def _we(self, tok: int | None) -> bool:
        return tok is not None and tok in self.cast.we_tokens

    def _live(self, sentence: int, window: int = _WINDOW) -> _Episode | None:
        ep = self.episode
        if ep is None or sentence - ep.sentence > window:
            return None
        return ep

    def _prior_failure(self, ep: _Episode) -> bool:
        prior = None if ep.outcome is None else self.codes[ep.outcome]
        return prior is not None and prior.code.startswith("FL")

    def _reaches(self, cue: Cue, ep: _Episode, sentence: int) -> bool:
        """Whether an outcome word is close enough to the striving to be its outcome."""
        gap = sentence - ep.sentence
        head = self.doc.tokens[cue.first].low
        if cue.role == "FOUND":
            return ep.search and 0 < gap <= _SEARCH_WINDOW
        if head in AT_LAST:  # a bare "finally" ends many scenes
            late = word(self.doc, cue.last + 1) in _ACHIEVED
            if word(self.doc, cue.last + 1) in _SUBJECTS:  # "eventually I do", not "... we got out"
                late = word(self.doc, cue.last + 2) in _ACHIEVED - _SCENE
            return gap == 0 or (gap <= _WINDOW + 1 and (late or self._prior_failure(ep)))
        return gap <= _WINDOW

    def _close(self, cue: Cue, sentence: int) -> bool:
        """Code the outcome of the open episode; False when the cue is not its outcome."""
        ep = self.episode
        if ep is None or not self._reaches(cue, ep, sentence):
            return False
        if cue.role == "FOUND" and negated(self.doc, cue):
            return False
        actor = _clause_actor(self.doc, self.cast, cue)
        if actor is not None and actor != ep.striver and not self._animal(actor):
            return False  # someone else refuses or acts: interference, not the striver's outcome
        kind = "FL" if cue.role == "FAIL" else "SU"
        if ep.outcome is not None:
            if kind == "FL" or not self._prior_failure(ep):
                return True  # one outcome per striving
            self.codes[ep.outcome] = None  # a failure overcome later is a success
        ep.outcome = self._emit(kind, ep.striver, ep.token, cue.first, True)
        return True

    def _sure(self, cue: Cue) -> None:
        """Code an outcome that carries its own striving; a success overturns the same
        striver's failure in the open episode."""
        kind = cue.role
        if kind == "SU" and negated(self.doc, cue):
            if self.doc.tokens[cue.first].low not in _NEGATABLE:
                return
            kind = "FL"
        tok = _subject(self.doc, self.cast, cue)
        ref = DREAMER if tok is None else self.cast.refs[tok]
        if passive_before(self.doc, cue.first):
            # "they were all executed flawlessly": the subject is what was done; the striver
            # is the "by" agent, or the dreamer whose report it is
            tok, ref = None, agent_after(self.doc, self.cast, cue.first - 1) or DREAMER
        elif not self._strivers(cue, tok, ref):
            return
        ep = self.episode
        if ep is not None and ep.striver == ref and ep.outcome is not None:
            prior = self.codes[ep.outcome]
            if kind == "SU" and prior is not None and prior.code.startswith("FL"):
                self.codes[ep.outcome] = None
        finding = kind == "FL" and self.doc.tokens[cue.last].low in {"find", "found"}
        live = self._live(self.now)
        sought = live is not None and live.search and live.striver == ref
        if finding and ref == DREAMER:
            self.lost.setdefault(ref, cue.first)
        if finding and (not_there(self.doc, self.cast, cue) or (ref != DREAMER and not sought)):
            # nobody or none of it there; or another character's loss the dreamer only sees
            # ("she could not find her purse"), with no search of hers told: a mishap (M1)
            self.lost.setdefault(ref, cue.first)
            return
        index = self._emit(kind, ref, tok, cue.first, False)
        if finding and not sought:
            self.unsought = (index, ref, self.now)
        if ep is not None and ep.striver == ref:
            ep.outcome = index

    def _strivers(self, cue: Cue, tok: int | None, ref: int) -> bool:
        """Whether a self-carrying outcome is a character's own: not a thing's (``the CD
        won't play correctly``, ``a #11 won the first race``), not an animal's (a racehorse
        that won), not a passive's subject (``he was never caught`` tells his escape)."""
        if tok is None and thing_before(self.doc, cue):
            return False
        if self._animal(ref):
            return False
        caught = self.doc.tokens[cue.last].low in {"caught", "found", "beaten"}
        return not (caught and is_passive(self.doc, cue.first))

    def sentence(self, s: int) -> bool:
        """Code one sentence; True when it told an outcome."""
        self.now = s
        told = False
        for cue in all_cues(self.doc, self.positions[s], self.doc.sentences[s].last):
            if cue.first in self.quoted:
                continue  # what someone says is not what happens
            if cue.role == "EXAM":
                if not self.exam or unreal(self.doc, cue):
                    continue
                cue = Cue("FL", cue.first, cue.last)
            if cue.role in {"STRIVE", "SEARCH"}:
                self._open(cue, s)
            elif not valid(self.doc, cue):
                continue
            elif cue.role in {"SU", "FL"}:
                self._sure(cue)
                told = True
            elif self._close(cue, s):
                told = True
            elif cue.role == "FAIL":
                told = self._effort_failed(cue) or told
        return told

    def _effort_failed(self, cue: Cue) -> bool:
        """A failure the parse joins to the character's own deed (``pushed ... but couldn't
        move it``) when no striving was open to close."""
        outcome = effort_failure(self.doc, self.cast, self.parse, cue.first)
        if outcome is None or outcome.striver is None:
            return False
        ref = self.cast.refs[outcome.striver]
        if self._animal(ref):
            return False
        self._emit("FL", ref, outcome.striver, outcome.at, True)
        return True


def _obstacle_codes(doc: Document, cast: Cast, coder: _Coder, striving: list[bool]) -> list[Code]:
    """M1 codes: one obstacle per blocked character per dream, and the dreamer's failed
    search (coders split "couldn't find" between failure and the M1 mishap)."""
    found: dict[int, int] = {}
    for s, triggers in obstacle_positions(doc):
        first = doc.sentences[s].first
        hit = find_obstacle(doc, cast, triggers, first, striving[s], coder.quoted)
        if hit is not None and hit[1] not in found:
            found[hit[1]] = hit[0]
    for ref, at in coder.lost.items():
        found.setdefault(ref, at)
    codes = []
    for ref, at in sorted(found.items(), key=lambda item: item[1]):
        (start, end), text = doc.span_text(at, at)
        codes.append(Code("misfortune", f"M1, {cast.code_of(ref)}", (start, end), text))
    return codes


def _distinct(coder: _Coder) -> list[Code]:
    """One code per outcome and set of people (gold cards almost never repeat a code), and
    an outcome told again without a new striving (``... the only ones who couldn't find the
    beads``) for some of the same people is no second outcome."""
    out: list[Code] = []
    told: list[tuple[str, frozenset[str]]] = []
    for code, strived in zip(coder.codes, coder.strived, strict=True):
        if code is None:
            continue
        kind, people = code.code[:2], frozenset(code.code[4:].split(" + "))
        if any(k == kind and (p == people or (not strived and people <= p)) for k, p in told):
            continue
        told.append((kind, people))
        out.append(code)
    return out


def code_striving(doc: Document, cast: Cast, parse: Parse = EMPTY) -> list[Code]:
    """Success and failure codes, one per outcome and person per dream (a striving told over
    several sentences is counted once), plus M1 obstacles where a character is blocked.
    Where an attempt's sentence was parsed, :mod:`.attempts` reads its outcome clause."""
    coder = _Coder(doc, cast, parse)
    striving = []
    for s in range(len(doc.sentences)):
        told = coder.sentence(s)
        striving.append(told or coder._live(s) is not None)
    for index in coder.resumed:  # a search resumed and never failed again
        coder.codes[index] = None
    return _distinct(coder) + _obstacle_codes(doc, cast, coder, striving)
