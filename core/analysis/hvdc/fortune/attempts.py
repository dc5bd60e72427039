"""What came of an attempt, read from the parse of its sentence.

HVdC codes success or failure only where a character "sets out in a deliberate attempt" at a
goal and the report tells how it ended.  The attempt is a verb of trying (``tried``,
``struggled``, ``attempted``); its outcome is a clause joined to it (``tried to open it but
couldn't``, ``struggled and finally got free``, ``although I tried, I could not``).  The parse
says whose clause that is: the striver's own, or one with no subject of its own, tells the
striver's outcome; the thing striven at resisting (``but it wouldn't open``) is the striver's
failure too; another character's refusal (``but she wouldn't let me``) is interference, not an
outcome.  Word order alone misses the clauses the lexicon does not list (``but didn't``, ``but
could not figure out how``) and takes the nearest name for the striver.  An effort need not be
named by ``try``: a deed of the character's own followed by ``but couldn't`` (``I pressed the
brake but couldn't stop the truck``) is a deliberate attempt that failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..cast.model import Cast
from ..parse.tree import Parse
from ..text import Document, word_set

#: Verbs of trying: a deliberate attempt at a goal (the ``to`` clause after them).
TRYING = word_set(
    "try tries tried trying attempt attempts attempted attempting struggle struggles "
    "struggled struggling strive strives strove striving strived endeavor endeavored"
)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Outcome verbs that tell a success or failure by themselves, unless negated.
_SUCCEEDED = word_set("managed manage manages succeeded succeed succeeds")
_FAILED = word_set("failed fail fails")
_ABLE = word_set("able")
_UNABLE = word_set("unable")
#: ``but finally got it open``: a success told of the striver after the attempt.
_AT_LAST = word_set("finally eventually")
#: A wish or a plan about the attempt: no attempt happened yet.
_NOT_YET = word_set("would will might going should could")
_THINGS = word_set("it they this that")
#: Negated, these tell a wish or a state of mind (``but I didn't want to hurt him``), no deed.
_MINDS = word_set(
    "want wanted wish wished like liked care cared mind minded mean meant seem seemed"
)
#: Knowing and perceiving: an outcome only as an inability (``couldn't recall them``); ``but
#: I don't remember`` or ``but didn't know`` is the narrator's comment, not a failed effort.
_KNOWING = word_set(
    "know knew remember remembered recall recalled understand understood realize realized "
    "notice noticed"
)
_CAN = word_set("could can couldn't can't cannot")


@dataclass(frozen=True, slots=True)
class Outcome:
    """``kind`` is ``SU`` or ``FL``; ``at`` is the token that tells it; ``striver`` is the
    token of the one who tried (None when the parse names no one: the dreamer's report)."""

    kind: str
    at: int
    striver: int | None


def attempt_outcome(doc: Document, cast: Cast, parse: Parse, i: int) -> Outcome | None:
    """The outcome of the attempt whose verb of trying is token ``i``, when its sentence was
    parsed and one of the clauses joined to the attempt tells it; None otherwise (the reader
    of words then looks further, into the next sentence)."""
    if not parse.covers(doc.tokens[i].sentence) or doc.tokens[i].low not in TRYING:
        return None
    if parse.kids(i, "neg") or _planned(doc, parse, i):
        return None  # "didn't try", "would try": no attempt was made
    striver = _subject(parse, i)
    for clause in _outcome_clauses(parse, i):
        own = _subject(parse, clause) if parse.kids(clause, *_SUBJECTS) else None
        if own is not None and not _same_side(doc, cast, own, striver):
            if own in cast.refs:
                return None  # "but she wouldn't": interference, not the striver's outcome
            if doc.tokens[own].low not in _THINGS:
                continue  # "but the door was locked": an obstacle, coded as a mishap
        kind = _verdict(doc, parse, clause)
        if kind is not None:
            return Outcome(kind, clause, striver)
    return None


def _planned(doc: Document, parse: Parse, i: int) -> bool:
    """``would try``, ``going to try``; or ``told her to try``: a request, whose attempt (if
    any) is another's and not told."""
    if any(doc.tokens[a].low in _NOT_YET for a in parse.kids(i, "aux")):
        return True
    head = parse.head(i)
    return parse.dep(i) == "xcomp" and head != i and bool(parse.kids(head, "dobj"))


def _subject(parse: Parse, i: int) -> int | None:
    """The clause's own subject, or the one it shares through ``and``/``to``."""
    for _ in range(3):
        found = parse.kids(i, *_SUBJECTS)
        if found:
            return found[0]
        if parse.dep(i) not in ("conj", "xcomp", "advcl") or parse.head(i) == i:
            return None
        i = parse.head(i)
    return None


def _same_side(doc: Document, cast: Cast, own: int, striver: int | None) -> bool:
    """Whether the clause's subject is the striver (the same referent, or both unnamed)."""
    if striver is None:
        return own not in cast.refs
    mine, theirs = cast.refs.get(own), cast.refs.get(striver)
    if mine is None or theirs is None:
        return doc.tokens[own].low == doc.tokens[striver].low
    return mine == theirs


def _outcome_clauses(parse: Parse, i: int) -> list[int]:
    """Clauses that may tell the attempt's outcome: those joined to it by ``and``/``but``,
    the main clause of ``although I tried, ...``, and those joined to the clause whose goal
    the attempt was (``I ran, trying to get away, but ...``)."""
    clauses = [c for c in parse.kids(i, "conj") if c > i]
    head = parse.head(i)
    if head != i and parse.dep(i) == "advcl" and head > i:
        clauses.append(head)
    if head != i and parse.dep(i) in ("xcomp", "advcl"):
        clauses.extend(c for c in parse.kids(head, "conj") if c > i)
    return clauses


def _verdict(doc: Document, parse: Parse, clause: int) -> str | None:
    """``SU``, ``FL`` or None for one outcome clause: a negated deed or ability is a failure
    (``couldn't``, ``didn't``, ``wasn't able``, ``it wouldn't open``); ``failed`` and
    ``unable`` are; ``managed``, ``succeeded``, ``was able`` and a ``finally`` deed succeed."""
    word = doc.tokens[clause].low
    auxes = {doc.tokens[a].low for a in parse.kids(clause, "aux")}
    if word in _MINDS or "have" in auxes:
        return None  # a state of mind; "could not have done it without help": no outcome
    complements = [doc.tokens[c].low for c in parse.kids(clause, "acomp")]
    # an elliptical "but couldn't" is one token whose "n't" the parse could not hang elsewhere
    negated = bool(parse.kids(clause, "neg")) or word.endswith("n't") or word == "cannot"
    if word in _KNOWING and not (_CAN & (auxes | {word})):
        return None
    if word in _FAILED or _UNABLE.intersection(complements):
        return None if negated else "FL"
    if _too(doc, parse, clause):
        return "FL"  # "but it was too narrow", "but I was too slow": it fell short
    if negated:
        return "FL"
    if word in _SUCCEEDED or _ABLE.intersection(complements):
        return "SU"
    if any(doc.tokens[a].low in _AT_LAST for a in parse.kids(clause, "advmod")):
        return "SU"
    if word == "did" and not parse.kids(clause, "dobj", "xcomp", "ccomp"):
        return "SU"  # "tried to raise up and I did": the attempt done
    return None


def _too(doc: Document, parse: Parse, clause: int) -> bool:
    """``was too narrow``, ``was too weak``: a be-clause whose complement is ``too`` much."""
    if doc.tokens[clause].low not in _BE:
        return False
    for comp in parse.kids(clause, "acomp"):
        if doc.tokens[comp].low in _CIRCUMSTANCES:
            continue  # "but it was too late/dark": the world's doing, not the effort's
        if any(doc.tokens[a].low == "too" for a in parse.kids(comp, "advmod")):
            return True
    return False


_BE = word_set("was were is are am")
_CIRCUMSTANCES = word_set("late early dark cold hot crowded noisy foggy busy")

#: A deed whose ``but couldn't`` clause tells an effort that failed; states, perceptions and
#: movements that only set a scene are not efforts.
_NO_EFFORT = word_set(
    "was were is am be been had has have saw see seen looked look heard hear knew know thought "
    "think felt feel wanted want wished seemed seem went go came come got get woke awoke "
    "realized noticed remembered dreamed dreamt liked loved said told asked"
)
_INABILITY = word_set("couldn't could can't cannot can unable")
_PERCEIVING = word_set("find see hear confirm tell say believe imagine")


def effort_failure(doc: Document, cast: Cast, parse: Parse, i: int) -> Outcome | None:
    """``I pushed with all my strength but couldn't move it``: an inability joined by ``but``
    to the same character's deed tells a deliberate effort that failed, though no verb of
    trying names it.  ``i`` is the inability word (``couldn't``, ``could``, ``unable``)."""
    if not parse.covers(doc.tokens[i].sentence) or doc.tokens[i].low not in _INABILITY:
        return None
    clause = parse.head(i) if parse.dep(i) in ("aux", "acomp") else i
    deed = parse.head(clause)
    if parse.dep(clause) != "conj" or deed == clause or deed > clause:
        return None
    if not any(doc.tokens[c].low == "but" for c in parse.kids(deed, "cc")):
        return None
    if doc.tokens[deed].low in _NO_EFFORT or doc.tokens[deed].low in TRYING:
        return None  # a scene, or an attempt (read by :func:`attempt_outcome`)
    if doc.tokens[clause].low in _KNOWING | _PERCEIVING or parse.kids(deed, "auxpass"):
        return None  # perceiving or knowing is no deed; "was brought to tempt me": not hers
    striver = _subject(parse, deed)
    own = parse.kids(clause, *_SUBJECTS)
    if own and not _same_side(doc, cast, own[0], striver):
        return None
    if striver is None or striver not in cast.refs:
        return None
    return Outcome("FL", i, striver)


def attempt_sentences(doc: Document) -> list[int]:
    """Sentences holding a verb of trying, or ``but`` with an inability: the ones worth
    parsing for an outcome."""
    wanted = {t.sentence for t in doc.tokens if t.low in TRYING}
    buts = {t.sentence for t in doc.tokens if t.low == "but"}
    wanted.update(t.sentence for t in doc.tokens if t.low in _INABILITY and t.sentence in buts)
    return sorted(wanted)
