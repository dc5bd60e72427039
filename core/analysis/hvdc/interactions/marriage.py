"""Marriage and engagement (friendliness 7): the couple, not a doer and a receiver.

HVdC codes a marriage once for the couple, mutual (``D 7= 1MKA``), the dreamer first when she
is one of them.  A marriage is not aimed at whoever stands near the word: ``one of the girls
became engaged`` is hers and an unnamed partner's (``1FKA 7= Q``), not an act on the dreamer,
and ``we got married`` has no ``Q`` doer although the parse sees a passive.  The partner is
the object (``married my uncle``), the object of ``to``/``with`` (``engaged to a boy``), the
other half of ``X and Y`` or the companion of ``we``; a ``wedding`` is the couple of its
owner (``her wedding dress``) and no one's when it has none (``a mock wedding``).

A proposal is not yet a marriage but one side's act on the other (``1MKA 7> D``): ``he asked
me to marry him`` (a request verb, its object, ``to marry``) goes from the one who asks to the
one asked, and a spoken ``marry me`` from the speaker to the one told (the dreamer, when
someone else says it).
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..lexicon import lemma_candidates
from ..parse.tree import Parse
from ..participants import companions, object_token
from ..text import Document, word_set
from .acts import negated
from .order import shared_partner, subject_token
from .parsed import NOT_CODED, UNKNOWN
from .senses import SKIP

#: Stands for "a marriage" in the coder's record of codes given: one per dream per person.
MARRIAGE = -3
_PARTNER_PREPS = word_set("to with")
_MODALS = word_set("would could might should")
_OWNERS = word_set("my her his their our")
#: How far up the parse a marriage word looks for its couple: ``we were going to be married``.
_CLIMB = ("xcomp", "acomp", "conj", "auxpass", "pcomp", "prep", "advcl", "ccomp")
#: Verbs that ask for a marriage (``asked me to marry him``); ``want`` is a wish, not a proposal.
_PROPOSING = word_set("ask beg plead urge persuade")
#: Verbs that report a spoken ``marry me``.
_SAYING = word_set("say ask tell beg plead whisper cry exclaim")
#: A request only meant or supposed: ``to ask him to marry me``, ``would ask``.
_UNDONE = word_set("to would could might should will if")
_POSSESSIVES = word_set("my our his their")
_SAID_REACH = 6  # words from the speech verb to "marry me"


def is_marriage(lemma: str) -> bool:
    """Marriage words read by this module rather than as a doer's act on a receiver."""
    return lemma.startswith(("marr", "engag", "wedding"))


def marriage_couple(
    doc: Document, cast: Cast, parse: Parse, i: int, lemma: str
) -> tuple[int, int, bool] | str | None:
    """(one of the couple, the other, True) for the marriage word at token i; the other is
    :data:`UNKNOWN` (``Q``) when the words do not name a partner; ``SKIP`` for a wedding of no
    one; None when the words name neither side."""
    if negated(doc, i) or _negated_or_unreal(doc, parse, i):
        return NOT_CODED
    proposed = _proposal(doc, cast, i)
    if proposed is not None:
        return proposed
    if lemma.startswith("wedding"):
        owner = _owner(doc, cast, parse, i)
        return SKIP if owner is None else _couple(owner, UNKNOWN)
    subj = _subject(doc, cast, parse, i)
    if subj is None:
        return None
    one = cast.refs[subj]
    partner = _partner(doc, cast, parse, i, subj)
    if partner is None and one != DREAMER and cast.characters[one].plural:
        return one, one, True  # "a young couple were getting married"
    return _couple(one, UNKNOWN if partner is None else partner)


def _proposal(doc: Document, cast: Cast, i: int) -> tuple[int, int, bool] | None:
    """(the one who proposes, the one proposed to, False) for a proposal at the ``marry`` of
    token i (see the module docstring), None for any other marriage word."""
    if doc.tokens[i].low != "marry" or i < 3:
        return None
    asked = i - 2
    if doc.tokens[i - 1].low == "to" and asked in cast.refs:
        req = i - 3
        if _PROPOSING.intersection(lemma_candidates(doc.tokens[req].low)):
            subj = subject_token(doc, cast, req)
            if subj is None or doc.tokens[req - 1].low in _UNDONE:
                return None
            one, other = cast.refs[subj], cast.refs[asked]
            return (one, other, False) if one != other else None
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    return _spoken_proposal(doc, cast, i) if nxt == "me" else None


def _spoken_proposal(doc: Document, cast: Cast, i: int) -> tuple[int, int, bool] | None:
    """``he said, marry me``: the speaker proposes to the one told, the dreamer when someone
    else speaks and no one else is told; a speaker the cast does not know (``one of them``)
    is the last character named before."""
    first = doc.sentences[doc.tokens[i].sentence].first
    for j in range(i - 1, max(first, i - _SAID_REACH) - 1, -1):
        if _SAYING.intersection(lemma_candidates(doc.tokens[j].low)):
            if doc.tokens[j - 1].low in _UNDONE:
                return None
            subj = _speaker(doc, cast, j)
            if subj is None:  # "one of them ... said, marry me": the last one named asks her
                named = companions(doc, cast, j)
                return (named[0], DREAMER, False) if named else None
            told = object_token(doc, cast, j, reach=3)
            if told is not None and told < i - 1 and cast.refs[told] != cast.refs[subj]:
                return cast.refs[subj], cast.refs[told], False
            return (cast.refs[subj], DREAMER, False) if cast.refs[subj] != DREAMER else None
    return None


def _speaker(doc: Document, cast: Cast, j: int) -> int | None:
    """The subject of the speech verb at j; a possessive is the owner of a thing acted on
    before (``he grabbed my arm and said``), not the speaker: look further back."""
    subj = subject_token(doc, cast, j)
    for _ in range(2):
        if subj is None or doc.tokens[subj].low not in _POSSESSIVES:
            break
        subj = subject_token(doc, cast, subj)
    return subj


def _couple(one: int, other: int) -> tuple[int, int, bool]:
    """The dreamer first, as the coders write a mutual code."""
    return (other, one, True) if other == DREAMER else (one, other, True)


def _negated_or_unreal(doc: Document, parse: Parse, i: int) -> bool:
    """``I wasn't married``; ``before I could get married``, ``so we would be married``: a
    marriage only wished or supposed (a planned one, ``we were going to be married``, stays:
    the coders code it)."""
    j = i
    for _ in range(3):
        if parse.kids(j, "neg"):
            return True
        if any(doc.tokens[a].low in _MODALS for a in parse.kids(j, "aux")):
            return True
        if parse.dep(j) not in _CLIMB or parse.head(j) == j:
            return False
        j = parse.head(j)
    return False


def _owner(doc: Document, cast: Cast, parse: Parse, i: int) -> int | None:
    """``my wedding``, ``her wedding dress``: the character whose wedding it is."""
    heads = [i, parse.head(i)] if parse.dep(i) == "compound" else [i]
    for h in heads:
        for poss in parse.kids(h, "poss"):
            if poss in cast.refs:
                return cast.refs[poss]
    prev = i - 1
    if prev >= 0 and doc.tokens[prev].low in _OWNERS and prev in cast.refs:
        return cast.refs[prev]
    return None


def _subject(doc: Document, cast: Cast, parse: Parse, i: int) -> int | None:
    """Token of the one who marries: the subject of the word or of the verb it hangs on."""
    j = i
    for _ in range(4):
        for subj in parse.kids(j, "nsubj", "nsubjpass"):
            subj = _one_of(doc, cast, parse, subj)
            if subj in cast.refs:
                return subj
            if doc.tokens[subj].low not in ("who", "that"):
                return None
            described = _described(parse, j)
            return described if described in cast.refs else None
        if parse.dep(j) == "relcl":
            described = _described(parse, j)
            return described if described in cast.refs else None
        if parse.dep(j) not in _CLIMB or parse.head(j) == j:
            break
        j = parse.head(j)
    if parse.covers(doc.tokens[i].sentence):
        return None
    return subject_token(doc, cast, i)


def _one_of(doc: Document, cast: Cast, parse: Parse, subj: int) -> int:
    """``one of the girls``: the girls (the cast names the group, not "one")."""
    if subj in cast.refs or doc.tokens[subj].low != "one":
        return subj
    for prep in parse.kids(subj, "prep"):
        for pobj in parse.kids(prep, "pobj"):
            return pobj
    return subj


def _described(parse: Parse, j: int) -> int | None:
    """``my aunt and uncle who were to be married``: the noun the clause describes."""
    while parse.dep(j) != "relcl" and parse.head(j) != j:
        j = parse.head(j)
    return parse.head(j) if parse.dep(j) == "relcl" else None


def _partner(doc: Document, cast: Cast, parse: Parse, i: int, subj: int) -> int | None:
    """The other of the couple (see the module docstring)."""
    one = cast.refs[subj]
    for obj in parse.kids(i, "dobj"):
        if obj in cast.refs and cast.refs[obj] != one:
            return cast.refs[obj]
    for prep in parse.kids(i, "prep"):
        if doc.tokens[prep].low in _PARTNER_PREPS:
            for pobj in parse.kids(prep, "pobj"):
                if pobj in cast.refs and cast.refs[pobj] != one:
                    return cast.refs[pobj]
    for conj in parse.kids(subj, "conj"):
        if conj in cast.refs and cast.refs[conj] != one:
            return cast.refs[conj]
    head = parse.head(subj)
    if parse.dep(subj) == "conj" and head in cast.refs and cast.refs[head] != one:
        return cast.refs[head]
    return shared_partner(doc, cast, subj)  # "we", or "X and I" the parse did not join
