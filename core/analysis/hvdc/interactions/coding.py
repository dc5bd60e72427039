"""Aggression and friendliness: ``INITIATOR LEVEL+DIR RECIPIENT`` codes.

An interaction is coded when a verb of the lexicon (:mod:`.acts`) links two referents of the
cast: the subject initiates, the object receives (a passive swaps them), read from the parse
(:mod:`.parsed`) or, where there is none, from word order (:mod:`.order`).  Fleeing (``ran
away from the man``) makes the one fled from the chaser.  Levels follow the coding rules: aggression 1 covert
... 8 killing; friendliness 1 covert, 2 verbal, 3 gift or loan, 4 help, 5 invitation or shared
activity, 6 physical affection, 7 marriage.  Senses that are no act live in
:mod:`.senses`; hostility without a hostile verb in :mod:`.hostility`.
"""

from __future__ import annotations

from ..cast.model import DREAMER, Cast
from ..parse.tree import EMPTY, Parse
from ..participants import companions, object_token, subject_before
from ..text import Document
from ..types import Code
from .acceptance import acceptances, granted_requests
from .acts import act_tokens, false_sense, negated, verb
from .applause import applause
from .cues import cue_tokens
from .dates import dates
from .favours import favours
from .gifts import received_gifts
from .hands import hand_contacts
from .hostility import (
    covert_anger,
    feeling_at_thing,
    feeling_shown,
    refusals,
    refused_requests,
)
from .invitations import invitations
from .marriage import MARRIAGE, is_marriage, marriage_couple
from .order import SHARED, is_mutual, participants, subject_token
from .parsed import NOT_CODED, UNKNOWN, aims_at_thing, read_act
from .praise import praise
from .refusing import laughed_off, spoken_refusals
from .senses import SKIP, not_an_interaction, thing_acts
from .speech import hostile_speech
from .threats import spoken_threats
from .warmth import covert_warmth

#: The dreamer's possessive names what is hers, not her (``my uncle hit him``).
_POSSESSIVE = frozenset({"my", "our", "mine", "ours"})
#: Acts that are aggression only when someone does them to the dreamer: being followed is
#: being chased (HVdC 6), following someone is going along.
_AT_DREAMER = frozenset({"follow"})
#: The same act of the same pair told again within this many sentences goes on, and is coded
#: once (``a man started to follow me ... as he continued to follow me``).
_GO_ON = 3
#: Acts whose participants the words leave unclear are still coded, up to this many codes per
#: dream: coders code them from the whole story, and leaving them out under-counts A/C, F/C.
_FALLBACKS = {"aggression": 2, "friendliness": 2, "sexuality": 1}

#: The prepositions that end phrasal acts (``laugh at``, ``jump on``, ``hide from``).
_PREPOSITIONS = frozenset({"at", "on", "from", "to", "with"})

#: Words from an act to the end of its ``X and me`` receivers.
_AND_ME_REACH = 6
#: How far back a covert feeling's (level 1) holder is looked for by the fallback.
_FEELING_REACH = 12
_ME = frozenset({"me", "myself"})

_Pair = tuple[int, int, bool]


def _at_dreamer(pair: _Pair | str | None) -> bool:
    """Someone else's act on the dreamer (see :data:`_AT_DREAMER`)."""
    return isinstance(pair, tuple) and pair[0] != DREAMER and pair[1] == DREAMER


def _group_self(cast: Cast, pair: _Pair) -> bool:
    """``two men were shooting at each other``: a mutual act within one group is coded on the
    group; "I" alone cannot marry herself."""
    return pair[2] and pair[0] != DREAMER and cast.characters[pair[0]].plural


def _scan(doc: Document, cast: Cast, parse: Parse, category: str, tokens: list[int]) -> list[Code]:
    """Codes of the lexicon acts at ``tokens``: one per pair per sentence, one per act that
    goes on (:data:`_GO_ON`), one marriage per person; then the unclear acts' fallbacks."""
    codes: list[Code] = []
    seen: set[tuple[int, int, int]] = set()
    unresolved: list[tuple[int, int, str]] = []
    last_told: dict[tuple[str, int, int], int] = {}
    for i in tokens:
        act = _act(doc, cast, parse, i, category)
        if act is None:
            continue
        (lemma, level), pair = act
        if not isinstance(pair, tuple) or (pair[0] == pair[1] and not _group_self(cast, pair)):
            unresolved.append((i, level, lemma))
            continue
        initiator, recipient, mutual = pair
        if lemma.endswith(" from"):  # "I ran away from the man": he is the one who chases
            initiator, recipient = recipient, initiator
        sentence = doc.tokens[i].sentence
        here = (initiator, recipient, sentence)
        key = (initiator, MARRIAGE, -1) if is_marriage(lemma) else here
        again = (lemma, initiator, recipient)
        if key in seen or here in seen or sentence - last_told.get(again, -_GO_ON - 1) <= _GO_ON:
            continue
        seen.update({key, here})
        last_told[again] = sentence
        codes.append(_code(doc, cast, category, i, (initiator, recipient), level, mutual))
    told = {sent for _i, _r, sent in seen if sent >= 0}
    return codes + _fallbacks(doc, cast, category, unresolved, told, len(codes))


def _act(
    doc: Document, cast: Cast, parse: Parse, i: int, category: str
) -> tuple[tuple[str, int], _Pair | None] | None:
    """The lexicon act at token i and its participants (None for the pair when unclear);
    None when there is no act there (a false sense, a negation, a thing's act)."""
    found = verb(doc, i, category)
    if found is None or false_sense(doc, i, found[0]):
        return None
    parsed = parse.covers(doc.tokens[i].sentence)
    if (not parsed and negated(doc, i)) or not_an_interaction(doc, cast, i, found[0]):
        return None
    lemma, level = found
    if category == "friendliness" and is_marriage(lemma):
        pair = marriage_couple(doc, cast, parse, i, lemma)
    else:
        pair = _read(doc, cast, parse, i, lemma, level, category) if parsed else None
    if pair is None:  # the parse leaves a side unsaid: read word order as without it
        pair = participants(doc, cast, i, lemma, level, category)
    if category == "aggression":  # "looked at me with disdain": the looker's feeling
        pair = SKIP if feeling_at_thing(doc, cast, i) else feeling_shown(doc, cast, i) or pair
    if pair in (NOT_CODED, SKIP) or (lemma in _AT_DREAMER and not _at_dreamer(pair)):
        return None
    if _own_visit(doc, lemma, i, pair):
        return None
    return found, pair if isinstance(pair, tuple) else None


def _own_visit(doc: Document, lemma: str, i: int, pair: _Pair | str | None) -> bool:
    """``I went to visit my parents``: the norms' coders code visits paid to the dreamer and
    time spent together (``visiting with old friends``), not the dreamer's calls on others
    (1 of 7 coded on the dev set)."""
    nxt = doc.tokens[i + 1].low if i + 1 < len(doc.tokens) else ""
    return lemma == "visit" and isinstance(pair, tuple) and pair[0] == DREAMER and nxt != "with"


def _fallbacks(
    doc: Document,
    cast: Cast,
    category: str,
    unresolved: list[tuple[int, int, str]],
    told: set[int],
    coded: int,
) -> list[Code]:
    """Codes for unclear acts in sentences with no code yet, up to :data:`_FALLBACKS`."""
    codes: list[Code] = []
    budget = _FALLBACKS[category] - coded
    for i, level, lemma in unresolved:
        if budget <= 0:
            break
        sent = doc.tokens[i].sentence
        if sent in told:
            continue
        reach = _FEELING_REACH if level == 1 else 6
        fallback = _salient_pair(doc, cast, i, reach, animals=category == "aggression")
        if fallback is None:
            break
        told.add(sent)
        budget -= 1
        codes.append(_code(doc, cast, category, i, fallback, level, lemma.startswith(SHARED)))
    return codes


def _code(
    doc: Document,
    cast: Cast,
    category: str,
    i: int,
    pair: tuple[int, int],
    level: int,
    mutual: bool,
) -> Code:
    first = _side(doc, cast, pair[0], i, pair[1], before=True)
    second = _side(doc, cast, pair[1], i, pair[0], before=False)
    if DREAMER not in pair and _and_me(doc, cast, i, pair[1]):
        second = f"D + {second}"
    label = f"{first} {level}{'=' if mutual else '>'} {second}"
    (start, end), text = doc.span_text(i, i)
    return Code(category, label, (start, end), text)


def _side(doc: Document, cast: Cast, ref: int, i: int, other: int, before: bool) -> str:
    """Label of one side of the act at i; "we"/"us" there adds the dreamer's companion (never
    the other party of the act)."""
    if ref == UNKNOWN:
        return "Q"
    if ref != DREAMER:
        return cast.code_of(ref)
    tok = subject_token(doc, cast, i) if before else object_token(doc, cast, i, reach=4)
    if tok is None or tok not in cast.we_tokens:
        return "D"
    mates = [m for m in companions(doc, cast, tok, limit=3) if m != other][:1]
    return " + ".join(["D", *(cast.code_of(m) for m in mates)])


def _and_me(doc: Document, cast: Cast, i: int, recipient: int) -> bool:
    """``commending my sister and me``: the dreamer received the act with its recipient."""
    last = doc.sentences[doc.tokens[i].sentence].last
    for j in range(i + 1, min(last - 2, i + _AND_ME_REACH)):
        if cast.refs.get(j) == recipient and doc.tokens[j + 1].low == "and":
            return doc.tokens[j + 2].low in _ME
    return False


def _salient_pair(
    doc: Document, cast: Cast, i: int, reach: int, animals: bool
) -> tuple[int, int] | None:
    """Best guess for an act whose participants the words do not show: the character most
    talked about acts on the dreamer, or the dreamer on it when she is the subject (within
    ``reach`` words before the act; a feeling's holder may stand further back: ``I had been
    close friends with her, but now am unfriendly``); an animal only for ``animals``."""
    counts: dict[int, int] = {}
    for ref in cast.refs.values():
        if ref != DREAMER and not cast.characters[ref].is_animal:
            counts[ref] = counts.get(ref, 0) + 1
    if not counts and animals:  # aggression among animals only: the cat that jumped on her
        counts = {ref: 1 for ref in cast.refs.values() if ref != DREAMER}
    if not counts:
        return None
    sent = doc.sentences[doc.tokens[i].sentence]
    here = {cast.refs[j] for j in range(sent.first, sent.last) if cast.refs.get(j) in counts}
    other = max(here or counts, key=lambda ref: counts[ref])
    subject = subject_before(doc, cast, i, reach=reach)
    if subject == DREAMER:
        return DREAMER, other
    if not any(
        cast.refs.get(j) == DREAMER and doc.tokens[j].low not in _POSSESSIVE
        for j in range(sent.first, sent.last)
    ):
        return other, UNKNOWN  # the dreamer is not in the sentence ("my uncle" is his)
    return other, DREAMER


def _distinct(doc: Document, codes: list[Code]) -> list[Code]:
    """Drop a code repeated within one sentence (a verb and an emotion saying the same)."""
    sentence_of = {t.start: t.sentence for t in doc.tokens} if codes else {}
    seen: set[tuple[str, int]] = set()
    out: list[Code] = []
    for code in codes:
        key = (code.code, sentence_of.get(code.span[0], -1) if code.span else -1)
        if key not in seen:
            seen.add(key)
            out.append(code)
    return out


def _read(
    doc: Document, cast: Cast, parse: Parse, i: int, lemma: str, level: int, category: str
) -> tuple[int, int, bool] | str | None:
    """The parse's reading of the act at i; marriages and quarrels are mutual however told."""
    if category == "aggression" and level >= 5 and thing_acts(doc, cast, i):
        return SKIP
    pair = read_act(doc, cast, parse, i, kindness=category == "friendliness")
    prep = lemma.rsplit(" ", 1)[-1] if " " in lemma else ""
    if pair is None and prep in _PREPOSITIONS and aims_at_thing(doc, cast, parse, i, prep):
        return SKIP
    if isinstance(pair, tuple) and is_mutual(doc, i) and lemma.startswith(SHARED):
        return pair[0], pair[1], True
    return pair


def code_interactions(
    doc: Document, cast: Cast, emotions: list[Code], parse: Parse = EMPTY
) -> list[Code]:
    """Aggression and friendliness codes; one per pair of participants per sentence."""
    acts, cues = act_tokens(doc), cue_tokens(doc)
    aggression = _scan(doc, cast, parse, "aggression", acts["aggression"]) + refusals(doc, cast)
    aggression += covert_anger(doc, cast, emotions) + refused_requests(doc, cast)
    aggression += hostile_speech(doc, cast, cues["reporting"])
    aggression += spoken_refusals(doc, cast, cues["reporting"])
    aggression += spoken_threats(doc, cast, cues["reporting"])
    aggression += laughed_off(doc, cast, cues["laughing"])
    aggression.sort(key=lambda c: c.span[0] if c.span else -1)
    aggression = _answered(_distinct(doc, aggression))
    friendly = _scan(doc, cast, parse, "friendliness", acts["friendliness"])
    friendly += covert_warmth(doc, cast, emotions) + favours(doc, cast) + hand_contacts(doc, cast)
    friendly += invitations(doc, cast, cues["asking"], cues["coming"]) + dates(doc, cast)
    friendly += received_gifts(doc, cast)
    friendly += praise(doc, cast, cues["praising"], cues["wishing"]) + applause(doc, cast)
    friendly += granted_requests(doc, cast, cues["reporting"])
    friendly.sort(key=lambda c: c.span[0] if c.span else -1)
    friendly += acceptances(doc, cast, friendly, cues["accepting"], cues["reporting"])
    friendly.sort(key=lambda c: c.span[0] if c.span else -1)
    friendly = _answered(_distinct(doc, friendly))
    return aggression + friendly + _scan(doc, cast, parse, "sexuality", acts["sexuality"])


def _answered(codes: list[Code]) -> list[Code]:
    """``she pushed me and I pushed back``: an act answering an earlier act of the other side
    on the one who answers is reciprocated, ``R`` in the notation (``D 7R 1FKA``); HVdC counts
    it as an interaction but not as the answerer's initiative (Aggressor %, Befriender %)."""
    out: list[Code] = []
    done: set[tuple[str, str]] = set()
    for code in codes:
        init, sep, rest = code.code.partition("> ")
        if sep and (rest, init.rsplit(" ", 1)[0]) in done:
            code = Code(code.category, f"{init}R {rest}", code.span, code.evidence)
        elif sep:
            done.add((init.rsplit(" ", 1)[0], rest))
        out.append(code)
    return out
